package adapters.bench;

import java.util.List;
import java.util.Map;

/**
 * The {@link Pacer} sending {@code rate} notifications a second for {@code duration}, after its warm-up: delivery
 * latency percentiles, deliveries/s, and lost notifications, counted per connection as expected minus received once
 * nothing has arrived for ten seconds.
 */
final class SteadyScenario {

    private SteadyScenario() {
    }

    static Result run(Testbed bed) throws InterruptedException {
        try (Pacer pacer = new Pacer(bed, bed.settings.rate())) {
            pacer.warmUp(bed.settings.warmUp());
            Phase phase = bed.fleet.begin("steady");
            long start = System.nanoTime();
            Pacer.Sending sending = pacer.send(bed.settings.duration());
            phase.awaitReceived(sending.accepted(), Pacer.QUIET_MILLIS);
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
                    Row.atMost("lost", sending.lostIn(phase), "notifications", 0),
                    Row.of("duplicates (at-least-once redeliveries)", sending.duplicatesIn(phase), "notifications"));
            return new Result("steady", rows, Map.of("steady " + bed.settings.rate() + "/s", latency));
        }
    }
}
