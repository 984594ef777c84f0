package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the cold-start benchmark from rotting: one primed run of every function, each in its own
 * JVM from target/herald-lambda.jar, against the local endpoints. A run that does not take its full,
 * successful path fails the benchmark; how long anything took is not checked.
 */
class ColdStartIT {

    @Test
    void everyFunction_answersItsFirstRequestFromAFreshJvm(@TempDir Path out) throws Exception {
        Options options = Options.parse("--runs", "1", "--modes", "primed",
                "--class-loads", "false", "--out", out.toString());

        ColdStartBenchmark.Results results = ColdStartBenchmark.run(options, line -> { });

        assertThat(results.measurements()).extracting(Measurement::function)
                .containsExactly("noop", "connect", "disconnect", "default", "notifier");
        assertThat(results.summary()).hasSize(5);
        assertThat(out.resolve("cold-start.json")).isNotEmptyFile();
        assertThat(results.measurements()).allSatisfy(run -> assertThat(run.outcome()).isIn("200", "200:subscribed", "failures:0"));
        assertThat(logLines(out, "connect")).anySatisfy(line -> assertThat(line).contains(
                "\"message\":\"connection accepted\"", "\"cold_start\":true", "\"function_request_id\":",
                "\"function_name\":\"herald-connect\"", "\"connectionId\":", "\"routeKey\":\"$connect\"",
                "\"apiRequestId\":", "\"userId\":"));
        assertThat(logLines(out, "notifier")).anySatisfy(line -> assertThat(line).contains("\"notificationId\":"));
    }

    /**
     * The deployed jar's JSON lines from one function's run (priming included), with the fields its Logs Insights
     * queries use; none holds a token (a JWT's header always starts with eyJ).
     */
    private static List<String> logLines(Path out, String function) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("logs").resolve(function + "-primed.log")).stream()
                .filter(line -> line.startsWith("{\"level\""))
                .toList();
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains("eyJ"));
        return lines;
    }
}
