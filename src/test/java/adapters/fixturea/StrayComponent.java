package adapters.fixturea;

import dagger.Component;

/** Violates the composition-root rule on purpose: a Dagger component outside the composition roots. */
@Component
public interface StrayComponent {
}
