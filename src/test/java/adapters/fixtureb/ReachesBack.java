package adapters.fixtureb;

import adapters.fixturea.ReachesIntoAnotherFamily;

/** Closes a cycle on purpose: fixtureb reaches back into fixturea, which already reaches into fixtureb. */
public final class ReachesBack {
    private final ReachesIntoAnotherFamily other = new ReachesIntoAnotherFamily();

    public String call() {
        return other.call();
    }
}
