package adapters.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The summary table (stdout), {@code results.json} and {@code latency.html} under the output directory. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    static void table(List<Result> results, Machine start, Machine end, PrintStream out) {
        out.printf("%nmachine: %d cores, %.1f GiB, %s; load average %s at start, %s at end%n", start.processors(),
                start.memoryBytes() / 1073741824.0, start.runtime(), start.loadAverage(), end.loadAverage());
        out.printf("%-10s | %-75s | %14s | %-13s | %-8s | %s%n", "scenario", "measure", "value", "unit", "goal", "met");
        out.println("-".repeat(138));
        for (Result result : results) {
            for (Row row : result.rows()) {
                out.printf("%-10s | %-75s | %14s | %-13s | %-8s | %s%n", result.scenario(), row.measure(),
                        Row.format(row.value()), row.unit(), row.goal(),
                        row.met() == null ? "" : row.met() ? "yes" : "NO");
            }
        }
        out.flush();
    }

    static Path json(List<Result> results, BenchSettings settings, Machine start, Machine end, Path directory)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machineAtStart", start);
        document.put("loadAverageAtEnd", end.loadAverage());
        document.put("settings", settings(settings));
        document.put("results", results.stream().map(Reports::result).toList());
        Path file = directory.resolve("results.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
        return file;
    }

    private static Map<String, Object> settings(BenchSettings settings) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("scenarios", settings.scenarios().toString());
        chosen.put("connections", settings.connections());
        chosen.put("handshakesInFlight", settings.handshakes());
        chosen.put("fanOutSizes", settings.fanOutSizes());
        chosen.put("repeats", settings.repeats());
        chosen.put("rawInFlight", settings.rawInFlight());
        chosen.put("rate", settings.rate());
        chosen.put("durationSeconds", settings.duration().toSeconds());
        chosen.put("warmUpSeconds", settings.warmUp().toSeconds());
        chosen.put("soakRate", settings.soakRate());
        chosen.put("soakDurationSeconds", settings.soakDuration().toSeconds());
        chosen.put("soakWindowSeconds", settings.soakWindow().toSeconds());
        chosen.put("webSocket", settings.webSocket().toString());
        return chosen;
    }

    private static Map<String, Object> result(Result result) {
        Map<String, Object> latencies = new LinkedHashMap<>();
        result.latencies().forEach((label, histogram) -> latencies.put(label, percentiles(histogram)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", result.scenario());
        document.put("rows", result.rows());
        document.put("latencyMillis", latencies);
        if (!result.footprint().isEmpty()) {
            document.put("footprint", result.footprint());
        }
        return document;
    }

    static Map<String, Double> percentiles(Histogram histogram) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("count", (double) histogram.getTotalCount());
        for (double percentile : new double[] {50, 90, 95, 99, 99.9}) {
            values.put("p" + Row.format(percentile).replace(".00", ""), histogram.getValueAtPercentile(percentile) / 1e6);
        }
        values.put("max", histogram.getMaxValue() / 1e6);
        return values;
    }

    static Path html(List<Result> results, Machine start, Path directory) throws IOException {
        Map<String, Histogram> all = new LinkedHashMap<>();
        results.forEach(result -> all.putAll(result.latencies()));
        Path file = directory.resolve("latency.html");
        Files.writeString(file, LatencyPlot.page("herald bench: latency by percentile", start, all));
        return file;
    }
}
