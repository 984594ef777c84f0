package adapters.fixturea;

import adapters.fixtureb.SomeoneElsesAdapter;

/** Violates the family rule on purpose: one adapter family using another's class directly. */
public final class ReachesIntoAnotherFamily {
    private final SomeoneElsesAdapter other = new SomeoneElsesAdapter();

    public String call() {
        return other.name();
    }
}
