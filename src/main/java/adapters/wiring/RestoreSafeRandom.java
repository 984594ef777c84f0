package adapters.wiring;

import java.security.SecureRandom;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.crac.Context;
import org.crac.Resource;

/**
 * Backoff jitter that a SnapStart snapshot cannot share: one snapshot is restored into many execution environments,
 * and a generator seeded during init would give every one of them the same "random" pauses, so that after a throttle
 * they would all retry in step. {@link #afterRestore} therefore reseeds it from fresh entropy in each restored copy.
 * Thread-safe, as {@link Random} is.
 */
public final class RestoreSafeRandom implements RandomGenerator, Resource {
    private final SecureRandom entropy = new SecureRandom();
    private volatile Random current;

    public RestoreSafeRandom() {
        reseed(freshSeed());
    }

    /** What a restore does with fresh entropy; a test passes one fixed seed to stand for one snapshot's state. */
    public void reseed(long seed) {
        current = new Random(seed);
    }

    @Override
    public long nextLong() {
        return current.nextLong();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to release: the state captured here is replaced on restore.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        reseed(freshSeed());
    }

    /**
     * SecureRandom reads the kernel's pool, which Lambda reseeds on restore; the restore's own nanoTime is mixed in
     * so that two copies differ even if that read came from a buffer filled before the snapshot.
     */
    private long freshSeed() {
        return entropy.nextLong() ^ System.nanoTime();
    }
}
