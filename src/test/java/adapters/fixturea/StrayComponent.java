package adapters.fixturea;

import dagger.Component;

/** Violates the composition-root rule on purpose: a Dagger component outside adapters.app. */
@Component
public interface StrayComponent {
}
