package adapters.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The steady and soak scenarios' producer: {@code rate} notifications a second, each to one connection's own claim,
 * round robin, stamped with the moment it was meant to be sent. An unrecorded warm-up may come first, its rate ramping
 * from a tenth of {@code rate} to all of it: on two cores a cold stack at full rate starves its own JIT compiler and
 * falls minutes behind (p50 60 s, README, Performance), while a ramp lets the compiler keep up, so the numbers describe
 * a warm stack, as benchmarks of JIT-compiled code should.
 */
final class Pacer implements AutoCloseable {
    /** How long a scenario waits for the last deliveries once nothing arrives any more. */
    static final long QUIET_MILLIS = 10_000;
    /** Sends happen in ticks of this length; one SQS batch holds ten messages. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** A producer call to the local SQS takes a few milliseconds; several in flight keep the rate when one is slow. */
    private static final int SENDERS = 4;

    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    private final Testbed bed;
    private final int rate;

    Pacer(Testbed bed, int rate) {
        this.bed = bed;
        this.rate = rate;
    }

    /** What one stretch of sending did: notifications sent and refused, how many each connection should get. */
    record Sending(long sent, long refused, int[] expected, double seconds) {

        long accepted() {
            return sent - refused;
        }

        long lostIn(Phase phase) {
            long lost = 0;
            for (int i = 0; i < expected.length; i++) {
                lost += Math.max(0, expected[i] - phase.receivedBy(i));
            }
            return lost;
        }

        long duplicatesIn(Phase phase) {
            long duplicates = 0;
            for (int i = 0; i < expected.length; i++) {
                duplicates += Math.max(0, phase.receivedBy(i) - expected[i]);
            }
            return duplicates;
        }
    }

    /** Sends for {@code warmUp}, ramping up to the rate, into a phase of its own, and waits for the deliveries. */
    void warmUp(Duration warmUp) throws InterruptedException {
        if (!warmUp.isZero()) {
            Phase phase = bed.fleet.begin("warm-up");
            phase.awaitReceived(send(warmUp, true).sent(), QUIET_MILLIS);
        }
    }

    /** Sends at the full rate for {@code duration}; returns once every notification is sent. */
    Sending send(Duration duration) throws InterruptedException {
        return send(duration, false);
    }

    private Sending send(Duration duration, boolean ramp) throws InterruptedException {
        int connections = bed.fleet.size();
        int[] expected = new int[connections];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        List<Future<Long>> batches = new ArrayList<>();
        for (long tick = start; tick < end; tick += TICK_NANOS) {
            long due = due(rate, (tick + TICK_NANOS - start) / 1e9, ramp ? duration.toNanos() / 1e9 : 0);
            List<String> claims = new ArrayList<>();
            for (; sent < due; sent++) {
                int target = (int) (sent % connections);
                expected[target]++;
                claims.add(bed.ownClaim(target));
            }
            if (!claims.isEmpty()) {
                long first = sent - claims.size();
                long intended = tick;
                batches.add(senders.submit(() -> bed.producer.sendToClaims(claims, first, intended)));
                bed.sent.add(claims.size());
            }
            TimeUnit.NANOSECONDS.sleep(tick + TICK_NANOS - System.nanoTime());
        }
        long refused = settle(batches);
        return new Sending(sent, refused, expected, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Notifications due {@code elapsed} seconds in: at {@code rate} throughout, or, over a ramp of {@code rampSeconds},
     * at a rate rising linearly from a tenth of {@code rate} (the integral of that line).
     */
    static long due(int rate, double elapsed, double rampSeconds) {
        if (rampSeconds <= 0) {
            return (long) (elapsed * rate);
        }
        double first = rate / 10.0;
        return (long) (first * elapsed + (rate - first) * elapsed * elapsed / (2 * rampSeconds));
    }

    private static long settle(List<Future<Long>> batches) throws InterruptedException {
        long refused = 0;
        for (Future<Long> batch : batches) {
            try {
                refused += batch.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the producer could not send: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return refused;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
