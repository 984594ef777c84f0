package adapters.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A producer sending {@code rate} notifications a second for {@code duration}, each to one connection's own claim,
 * round robin: delivery latency percentiles, deliveries/s, and lost notifications, counted per connection as
 * expected minus received once nothing has arrived for ten seconds. An unrecorded warm-up comes first, its rate
 * ramping from a tenth of {@code rate} to all of it over {@code warmUp}: on two cores a cold stack at full rate
 * starves its own JIT compiler and falls minutes behind (p50 60 s, README, Performance), while a ramp lets the
 * compiler keep up, so the numbers describe a warm stack, as benchmarks of JIT-compiled code should.
 */
final class SteadyScenario {
    /** Sends happen in ticks of this length; one SQS batch holds ten messages. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** A producer call to the local SQS takes a few milliseconds; several in flight keep the rate when one is slow. */
    private static final int SENDERS = 4;
    private static final long QUIET_MILLIS = 10_000;

    private SteadyScenario() {
    }

    static Result run(Testbed bed) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            if (!bed.settings.warmUp().isZero()) {
                Phase warmUp = bed.fleet.begin("warm-up");
                warmUp.awaitReceived(send(bed, senders, bed.settings.warmUp(), true).sent(), QUIET_MILLIS);
            }
            return measure(bed, senders);
        } finally {
            senders.shutdownNow();
        }
    }

    private static Result measure(Testbed bed, ExecutorService senders) throws InterruptedException {
        Phase phase = bed.fleet.begin("steady");
        long start = System.nanoTime();
        Sending sending = send(bed, senders, bed.settings.duration(), false);
        phase.awaitReceived(sending.sent() - sending.refused(), QUIET_MILLIS);
        long lost = 0;
        long duplicates = 0;
        for (int i = 0; i < sending.expected().length; i++) {
            lost += Math.max(0, sending.expected()[i] - phase.receivedBy(i));
            duplicates += Math.max(0, phase.receivedBy(i) - sending.expected()[i]);
        }
        double deliverySeconds = (phase.lastArrivalNanos() - start) / 1e9;
        var latency = phase.latency();
        List<Row> rows = List.of(
                Row.of("warm-up, unrecorded, ramping up to the rate", bed.settings.warmUp().toSeconds(), "s"),
                Row.of("notifications sent", sending.sent(), "notifications"),
                Row.of("achieved send rate", sending.sent() / sending.seconds(), "1/s"),
                Row.of("refused by SQS", sending.refused(), "notifications"),
                Row.of("deliveries/s", phase.received() / deliverySeconds, "1/s"),
                Row.atMost("latency p50", latency.getValueAtPercentile(50) / 1e6, "ms", 20),
                Row.of("latency p95", latency.getValueAtPercentile(95) / 1e6, "ms"),
                Row.atMost("latency p99", latency.getValueAtPercentile(99) / 1e6, "ms", 100),
                Row.of("latency max", latency.getMaxValue() / 1e6, "ms"),
                Row.atMost("lost", lost, "notifications", 0),
                Row.of("duplicates (at-least-once redeliveries)", duplicates, "notifications"));
        return new Result("steady", rows, Map.of("steady " + bed.settings.rate() + "/s", latency));
    }

    /** What one stretch of sending did: notifications sent and refused, how many each connection should get. */
    private record Sending(long sent, long refused, int[] expected, double seconds) {
    }

    private static Sending send(Testbed bed, ExecutorService senders, Duration duration, boolean ramp)
            throws InterruptedException {
        int connections = bed.fleet.size();
        int[] expected = new int[connections];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        List<Future<Long>> batches = new ArrayList<>();
        for (long tick = start; tick < end; tick += TICK_NANOS) {
            long due = due(bed.settings.rate(), (tick + TICK_NANOS - start) / 1e9, ramp ? duration.toNanos() / 1e9 : 0);
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
}
