package adapters.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One notification to a claim with {@code size} subscribers, through SQS, the Notifier and @connections: time from
 * the send to the last delivery, and deliveries/s; next to it, in the same run, the raw capacity of the local
 * @connections endpoint (plain POSTs to the same number of connections), and their ratio.
 */
final class FanOutScenario {
    private static final long QUIET_MILLIS = 10_000;
    /**
     * Unrecorded fan-outs to the largest claim before measuring: one notification to 10,000 runs 10,000 pushes, and
     * the JIT compiles the push path (the SDK's pipeline, SigV4, the gateway's POST) only after tens of thousands.
     */
    private static final int WARM_UP_RUNS = 5;

    /** One run at one size. */
    private record Sample(double sendToLastMillis, double deliveriesPerSecond, long delivered, double rawPerSecond,
            Histogram latency) {
    }

    private FanOutScenario() {
    }

    static Result run(Testbed bed, RawPosts raw, List<String> ids) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        warmUp(bed, raw, ids);
        for (int size : bed.settings.fanOutSizes()) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < bed.settings.repeats(); i++) {
                samples.add(sample(bed, raw, ids.subList(0, Math.min(size, ids.size())), size));
            }
            samples.sort(Comparator.comparingDouble(Sample::sendToLastMillis));
            Sample median = samples.get(samples.size() / 2);
            String at = " (" + Row.format(size) + " subscribers, median of " + samples.size() + ")";
            rows.add(Row.of("delivered" + at, median.delivered(), "deliveries"));
            rows.add(size >= 10_000 ? Row.atMost("send to last delivery" + at, median.sendToLastMillis(), "ms", 2_000)
                    : Row.of("send to last delivery" + at, median.sendToLastMillis(), "ms"));
            rows.add(Row.of("fan-out deliveries/s" + at, median.deliveriesPerSecond(), "1/s"));
            rows.add(Row.of("raw @connections POSTs/s, same connections" + at, median.rawPerSecond(), "1/s"));
            rows.add(Row.atLeast("Notifier efficiency (fan-out ÷ raw)" + at,
                    median.deliveriesPerSecond() / median.rawPerSecond(), "", 0.5));
            latencies.put("fan-out to " + Row.format(size), median.latency());
        }
        return new Result("fanout", rows, latencies);
    }

    /** Class loading, first connections and JIT compilation, for the Notifier's pushes and the raw POSTs alike. */
    private static void warmUp(Testbed bed, RawPosts raw, List<String> ids) throws InterruptedException {
        int largest = bed.settings.fanOutSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> largestIds = ids.subList(0, Math.min(largest, ids.size()));
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            Phase phase = bed.fleet.begin("fan-out warm-up");
            bed.producer.sendToClaims(List.of(bed.fanOutClaim(largest)), -1);
            phase.awaitReceived(largest, QUIET_MILLIS);
            Phase direct = bed.fleet.begin("raw POSTs warm-up");
            direct.awaitReceived(raw.postToEach(largestIds, bed.settings.rawInFlight()).ok(), QUIET_MILLIS);
        }
    }

    private static Sample sample(Testbed bed, RawPosts raw, List<String> ids, int size) throws InterruptedException {
        Phase fan = bed.fleet.begin("fan-out to " + size);
        long sent = System.nanoTime();
        bed.producer.sendToClaims(List.of(bed.fanOutClaim(size)), 0);
        bed.sent.increment();
        fan.awaitReceived(size, QUIET_MILLIS);
        double sendToLast = (fan.lastArrivalNanos() - sent) / 1e6;
        Phase direct = bed.fleet.begin("raw POSTs to " + size);
        long started = System.nanoTime();
        RawPosts.Outcome posted = raw.postToEach(ids, bed.settings.rawInFlight());
        direct.awaitReceived(posted.ok(), QUIET_MILLIS);
        double rawSeconds = (Math.max(direct.lastArrivalNanos(), started + posted.elapsedNanos()) - started) / 1e9;
        return new Sample(sendToLast, fan.received() / (sendToLast / 1e3), fan.received(), posted.ok() / rawSeconds,
                fan.latency());
    }
}
