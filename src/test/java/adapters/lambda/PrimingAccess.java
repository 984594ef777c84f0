package adapters.lambda;

/** Lets the cold-start benchmark (package {@code bench}) run the primers without widening {@link Priming}'s visibility. */
public final class PrimingAccess {

    private PrimingAccess() {
    }

    /** What SnapStart's beforeCheckpoint hook would run: every registered primer, in this JVM, now. */
    public static void primeAll() {
        Priming.primeAll();
    }
}
