package adapters.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The same fan-out done the naive way: the SDK's synchronous @connections client, one connection after another,
 * from the moment the message would have been sent. Shows what the concurrent fan-out buys.
 */
final class BaselineScenario {
    private BaselineScenario() {
    }

    static Result run(Testbed bed, URI management, List<String> ids) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        try (NaivePoster naive = new NaivePoster(management)) {
            naive.postToEach(ids.subList(0, Math.min(100, ids.size())), -1); // warm-up: class loading, first connection
            Thread.sleep(500); // so that the warm-up's deliveries land before the first measured phase
            for (int size : bed.settings.fanOutSizes()) {
                List<String> targets = ids.subList(0, Math.min(size, ids.size()));
                Phase phase = bed.fleet.begin("naive fan-out to " + size);
                long start = System.nanoTime();
                long failed = naive.postToEach(targets, 0);
                phase.awaitReceived(targets.size() - failed, 10_000);
                double millis = (phase.lastArrivalNanos() - start) / 1e6;
                String at = " (" + Row.format(size) + " connections)";
                rows.add(Row.of("naive sequential: first post to last delivery" + at, millis, "ms"));
                rows.add(Row.of("naive sequential: deliveries/s" + at, phase.received() / (millis / 1e3), "1/s"));
                rows.add(Row.of("naive sequential: failed posts" + at, failed, "posts"));
                latencies.put("naive sequential to " + Row.format(size), phase.latency());
            }
        }
        return new Result("baseline", rows, latencies);
    }
}
