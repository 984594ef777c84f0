package adapters.app.bench;

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
 * expected minus received once nothing has arrived for ten seconds.
 */
final class SteadyScenario {
    /** Sends happen in ticks of this length; one SQS batch holds ten messages. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** A producer call to the local SQS takes a few milliseconds; several in flight keep the rate when one is slow. */
    private static final int SENDERS = 4;

    private SteadyScenario() {
    }

    static Result run(Testbed bed) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            return run(bed, senders);
        } finally {
            senders.shutdownNow();
        }
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

    private static Result run(Testbed bed, ExecutorService senders) throws InterruptedException {
        int connections = bed.fleet.size();
        int[] expected = new int[connections];
        Phase phase = bed.fleet.begin("steady");
        long start = System.nanoTime();
        long end = start + bed.settings.duration().toNanos();
        long sent = 0;
        List<Future<Long>> batches = new ArrayList<>();
        for (long tick = start; tick < end; tick += TICK_NANOS) {
            long due = (long) ((tick + TICK_NANOS - start) / 1e9 * bed.settings.rate());
            List<String> claims = new ArrayList<>();
            for (; sent < due; sent++) {
                int target = (int) (sent % connections);
                expected[target]++;
                claims.add(bed.ownClaim(target));
            }
            if (!claims.isEmpty()) {
                long first = sent - claims.size();
                batches.add(senders.submit(() -> bed.producer.sendToClaims(claims, first)));
                bed.sent.add(claims.size());
            }
            TimeUnit.NANOSECONDS.sleep(tick + TICK_NANOS - System.nanoTime());
        }
        long refused = settle(batches);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        phase.awaitReceived(sent - refused, 10_000);
        long lost = 0;
        long duplicates = 0;
        for (int i = 0; i < connections; i++) {
            lost += Math.max(0, expected[i] - phase.receivedBy(i));
            duplicates += Math.max(0, phase.receivedBy(i) - expected[i]);
        }
        double deliverySeconds = (phase.lastArrivalNanos() - start) / 1e9;
        var latency = phase.latency();
        List<Row> rows = List.of(
                Row.of("notifications sent", sent, "notifications"),
                Row.of("achieved send rate", sent / sendSeconds, "1/s"),
                Row.of("refused by SQS", refused, "notifications"),
                Row.of("deliveries/s", phase.received() / deliverySeconds, "1/s"),
                Row.atMost("latency p50", latency.getValueAtPercentile(50) / 1e6, "ms", 20),
                Row.of("latency p95", latency.getValueAtPercentile(95) / 1e6, "ms"),
                Row.atMost("latency p99", latency.getValueAtPercentile(99) / 1e6, "ms", 100),
                Row.of("latency max", latency.getMaxValue() / 1e6, "ms"),
                Row.atMost("lost", lost, "notifications", 0),
                Row.of("duplicates (at-least-once redeliveries)", duplicates, "notifications"));
        return new Result("steady", rows, Map.of("steady " + bed.settings.rate() + "/s", latency));
    }
}
