package adapters.bench;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.localstack.LocalStack;
import adapters.localstack.LocalStackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of {@code herald bench} once, at a tiny size, against a local stack on free ports, so the benchmark
 * cannot rot. It checks what was delivered and reported, never how fast.
 */
class BenchIT {

    @Test
    void everyScenario_runsAgainstTheLocalStack_andReportsWithoutLosingANotification(@TempDir Path out) throws Exception {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (LocalStack stack = LocalStack.start(LocalStackSettings.defaults()
                .forTests(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(30)))) {
            BenchSettings settings = BenchSettings.defaults().tiny(stack.webSocketUri(), stack.managementEndpoint(),
                    stack.sqsEndpoint(), out);
            List<Result> results = new Bench(settings, new PrintStream(table, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

            Map<String, Result> byName = results.stream().collect(Collectors.toMap(Result::scenario, Function.identity()));
            assertThat(byName).containsOnlyKeys("capacity", "fanout", "baseline", "steady", "resume", "soak");
            assertThat(value(byName.get("capacity"), "connections opened")).isEqualTo(20);
            assertThat(value(byName.get("fanout"), "delivered (20 subscribers")).isEqualTo(20);
            assertThat(value(byName.get("baseline"), "naive sequential: failed posts (20")).isZero();
            assertThat(value(byName.get("steady"), "lost")).isZero();
            assertThat(value(byName.get("steady"), "notifications sent")).isPositive();
            assertThat(value(byName.get("resume"), "resumes answered complete")).isEqualTo(2);
            assertThat(value(byName.get("resume"), "replayed per resume")).isEqualTo(100);
            assertThat(value(byName.get("soak"), "lost")).isZero();
            assertThat(value(byName.get("soak"), "00:00-00:01 gateway RSS")).isPositive();
            assertThat(value(byName.get("soak"), "gateway heap after full GC, after the soak")).isPositive();
            assertThat(byName.get("soak").footprint()).isNotEmpty();
        }
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("capacity", "fanout", "baseline", "steady", "resume", "soak");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"scenario\"", "latencyMillis", "footprint",
                "heapAfterLastGcBytes");
        assertThat(Files.readString(out.resolve("latency.html"))).contains("<svg", "polyline").doesNotContain("<script");
    }

    private static double value(Result result, String measurePrefix) {
        return result.rows().stream().filter(row -> row.measure().startsWith(measurePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + measurePrefix + " in " + result.rows()))
                .value();
    }
}
