package adapters.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one scenario measured: its rows, the latency histograms (nanoseconds) worth plotting, by label, and the
 * gateway's footprint sampled over time, when the scenario took samples.
 */
record Result(String scenario, List<Row> rows, Map<String, Histogram> latencies, List<FootprintSample> footprint) {

    Result(String scenario, List<Row> rows, Map<String, Histogram> latencies) {
        this(scenario, rows, latencies, List.of());
    }
}
