package adapters.simulation;

import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Decides, from the run's seeded random source, when each enabled fault strikes. */
public final class FaultPlan {
    private static final double THROTTLE_BURST_START = 0.002;
    private static final int THROTTLE_BURST_MAX = 150;
    private static final double TRANSIENT_PUSH_FAILURE = 0.02;
    private static final double STORE_FAILURE = 0.01;
    private static final double CRASH_PER_PUSH = 0.0005;
    private static final double DUPLICATE_PER_BATCH = 0.05;

    private final RandomGenerator random;
    private final Set<Fault> enabled;
    private int throttledPushesLeft;

    public FaultPlan(RandomGenerator random, Set<Fault> enabled) {
        this.random = random;
        this.enabled = Set.copyOf(enabled);
    }

    public boolean isEnabled(Fault fault) {
        return enabled.contains(fault);
    }

    boolean throttleNextPush() {
        if (!isEnabled(Fault.THROTTLING)) {
            return false;
        }
        if (throttledPushesLeft == 0 && random.nextDouble() < THROTTLE_BURST_START) {
            throttledPushesLeft = 1 + random.nextInt(THROTTLE_BURST_MAX);
        }
        if (throttledPushesLeft > 0) {
            throttledPushesLeft--;
            return true;
        }
        return false;
    }

    boolean failNextPush() {
        return strikes(Fault.TRANSIENT, TRANSIENT_PUSH_FAILURE);
    }

    boolean failNextStoreCall() {
        return strikes(Fault.STORE, STORE_FAILURE);
    }

    boolean crashOnNextPush() {
        return strikes(Fault.CRASH, CRASH_PER_PUSH);
    }

    boolean duplicateInNextBatch() {
        return strikes(Fault.DUPLICATES, DUPLICATE_PER_BATCH);
    }

    /** How far behind the batch about to be delivered stamps its positions: up to the Notifier's timeout. */
    Duration notifierLag(Duration notifierTimeout) {
        return isEnabled(Fault.INTERLEAVE) && random.nextBoolean()
                ? Duration.ofMillis(random.nextLong(notifierTimeout.toMillis() + 1))
                : Duration.ZERO;
    }

    int pick(int bound) {
        return random.nextInt(bound);
    }

    private boolean strikes(Fault fault, double probability) {
        return isEnabled(fault) && random.nextDouble() < probability;
    }
}
