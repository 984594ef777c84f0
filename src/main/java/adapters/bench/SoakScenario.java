package adapters.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A long run at a moderate rate, to show what time does to the stack: the {@link Pacer} sends {@code soakRate}
 * notifications a second for {@code soakDuration}, after its warm-up. Per window (a minute by default): the latency p50
 * and p99 of the deliveries that arrived in it, and the gateway's heap after its last GC and RSS, the medians of the
 * window's samples ({@link SoakWatch}). Then the whole soak's latency, lost notifications, and how much the heap and
 * the RSS grew from the first window to the last. The samples force no GC, a stop-the-world pause that would land in
 * the very p99 being measured, so they count garbage the collector has not reached yet too: with G1, old-generation
 * garbage piles up between concurrent cycles and the samples climb without a leak. A full GC is forced only before
 * and after, when nothing is measured; how much the heap grew between those two is the memory the soak kept.
 */
final class SoakScenario {
    private static final double MIB = 1024 * 1024;

    private SoakScenario() {
    }

    static Result run(Testbed bed) throws IOException, InterruptedException {
        BenchSettings settings = bed.settings;
        try (Pacer pacer = new Pacer(bed, settings.soakRate())) {
            pacer.warmUp(settings.warmUp());
            GatewayProbe.Stats before = bed.gateway.stats();
            Phase phase = bed.fleet.begin("soak");
            try (SoakWatch watch = SoakWatch.start(bed.gateway, phase, settings.soakWindow(), settings.soakDuration())) {
                Pacer.Sending sending = pacer.send(settings.soakDuration());
                phase.awaitReceived(sending.accepted(), Pacer.QUIET_MILLIS);
                List<SoakWatch.Window> windows = watch.finish();
                GatewayProbe.Stats after = bed.gateway.stats();
                List<Row> rows = new ArrayList<>(List.of(
                        Row.of("warm-up, unrecorded, ramping up to the rate", settings.warmUp().toSeconds(), "s"),
                        Row.of("notifications sent", sending.sent(), "notifications"),
                        Row.of("achieved send rate", sending.sent() / sending.seconds(), "1/s"),
                        Row.of("refused by SQS", sending.refused(), "notifications")));
                windows.forEach(window -> rows.addAll(rows(window)));
                rows.addAll(summary(phase, sending, windows, before, after));
                return new Result("soak", rows, Map.of("soak " + settings.soakRate() + "/s", phase.latency()),
                        watch.samples());
            }
        }
    }

    private static List<Row> rows(SoakWatch.Window window) {
        return List.of(
                Row.of(window.label() + " latency p50", window.latency().getValueAtPercentile(50) / 1e6, "ms"),
                Row.atMost(window.label() + " latency p99", window.latency().getValueAtPercentile(99) / 1e6, "ms", 100),
                Row.of(window.label() + " gateway heap after its last GC (median)", window.medianHeapBytes() / MIB, "MiB"),
                Row.of(window.label() + " gateway RSS (median)", window.medianRssBytes() / MIB, "MiB"));
    }

    private static List<Row> summary(Phase phase, Pacer.Sending sending, List<SoakWatch.Window> windows,
                                     GatewayProbe.Stats before, GatewayProbe.Stats after) {
        Histogram latency = phase.latency();
        SoakWatch.Window first = windows.get(0);
        SoakWatch.Window last = windows.get(windows.size() - 1);
        return List.of(
                Row.of("latency p50, whole soak", latency.getValueAtPercentile(50) / 1e6, "ms"),
                Row.atMost("latency p99, whole soak", latency.getValueAtPercentile(99) / 1e6, "ms", 100),
                Row.of("latency max", latency.getMaxValue() / 1e6, "ms"),
                Row.atMost("lost", sending.lostIn(phase), "notifications", 0),
                Row.of("duplicates (at-least-once redeliveries)", sending.duplicatesIn(phase), "notifications"),
                Row.atMost("gateway heap after its last GC: growth, last window over the first",
                        growthPercent(first.medianHeapBytes(), last.medianHeapBytes()), "%", 5),
                Row.atMost("gateway RSS: growth, last window over the first",
                        growthPercent(first.medianRssBytes(), last.medianRssBytes()), "%", 5),
                Row.of("gateway heap after full GC, before the soak", before.heapUsedAfterGcBytes() / MIB, "MiB"),
                Row.of("gateway heap after full GC, after the soak", after.heapUsedAfterGcBytes() / MIB, "MiB"),
                Row.atMost("gateway heap after full GC: growth over the soak (memory kept)",
                        growthPercent(before.heapUsedAfterGcBytes(), after.heapUsedAfterGcBytes()), "%", 5));
    }

    /** How much {@code last} is above {@code first}, in percent of {@code first}; negative when it shrank. */
    static double growthPercent(double first, double last) {
        return (last - first) / first * 100;
    }
}
