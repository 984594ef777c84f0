package adapters.emulator.queue;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pollers the event source runs, scaled as Lambda scales an SQS event source: a batch that comes back full
 * means a backlog, so another poller joins (up to {@code ScalingConfig.MaximumConcurrency}); a batch that comes back
 * short means the queue is drained, so a poller leaves (down to one, which keeps long-polling).
 *
 * <p>Lambda starts with five pollers on AWS's machines; locally every receive costs the embedded queue's CPU, and ten
 * idle long polls woke one by one, a message each, cost more than the notifications they carried: at a steady
 * 1,000 notifications/s the embedded queue took 60 % of the stack's CPU (JFR, {@code herald bench --scenario steady}).
 */
final class PollerScaling {
    /** What a poller does after a receive. */
    enum Step { GROW, KEEP, RETIRE }

    private final int batchSize;
    private final int maximum;
    private final AtomicInteger active = new AtomicInteger();

    PollerScaling(int batchSize, int maximum) {
        this.batchSize = batchSize;
        this.maximum = maximum;
    }

    /** Counts the first poller in; the event source starts with one. */
    void first() {
        active.set(1);
    }

    /** What a poller that has just received {@code received} messages does; GROW has already counted the new one in. */
    Step after(int received) {
        if (received >= batchSize) {
            return changeWithin(+1) ? Step.GROW : Step.KEEP;
        }
        return changeWithin(-1) ? Step.RETIRE : Step.KEEP;
    }

    /** Pollers running now. */
    int active() {
        return active.get();
    }

    private boolean changeWithin(int delta) {
        int now;
        do {
            now = active.get();
            if (now + delta < 1 || now + delta > maximum) {
                return false;
            }
        } while (!active.compareAndSet(now, now + delta));
        return true;
    }
}
