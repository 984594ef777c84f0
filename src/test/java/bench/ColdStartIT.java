package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        assertThat(results.measurements()).allSatisfy(run -> assertThat(run.outcome()).isIn("200", "failures:0"));
    }
}
