package adapters.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What one scenario measured: its rows, and the latency histograms (nanoseconds) worth plotting, by label. */
record Result(String scenario, List<Row> rows, Map<String, Histogram> latencies) {
}
