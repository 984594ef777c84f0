package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's bookkeeping, which no timing decides: the line a run prints, the class-load log, the summary. */
class ColdStartHarnessTest {
    private static final Measurement CONNECT = new Measurement("connect", "unprimed", "200", 40, 1000, 0, 60, 300, 1400.5,
            1800, 1450);
    private static final Measurement NOOP = new Measurement("noop", "unprimed", "200", 40, 10, 0, 300, 2, 352, 400, 400);

    @Test
    void aMeasurementLine_readsBackAsTheSameMeasurement() {
        assertThat(Measurement.parse(CONNECT.line())).isEqualTo(CONNECT);
    }

    @Test
    void classLoads_areSplitByThePhaseMarkers_andStopAtTheFirstResponse(@TempDir Path dir) throws IOException {
        Path log = Files.write(dir.resolve("classes.log"), List.of(
                "[0.016s][info][class,load] java.lang.Object source: shared objects file",
                "[0.050s][info][class,load] bench.ColdStart source: file:/x/test-classes/",
                "[0.060s][info][class,load] org.apache.logging.log4j.LogManager source: file:/x/herald.jar",
                "[0.061s][info][class,load] software.amazon.awssdk.crt.CRT source: file:/x/herald.jar",
                "[0.070s][info][class,load] bench.ColdStart$Constructed source: file:/x/test-classes/",
                "[0.071s][info][class,load] bench.ColdStart$Primed source: file:/x/test-classes/",
                "[0.080s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/x/herald.jar",
                "[0.090s][info][class,load] bench.ColdStart$Decoded source: file:/x/test-classes/",
                "[0.095s][info][class,load] software.amazon.awssdk.core.SdkBytes source: file:/x/herald.jar",
                "[0.099s][info][class,load] bench.ColdStart$Answered source: file:/x/test-classes/",
                "[0.120s][info][class,load] java.lang.management.ManagementFactory source: jrt:/java.management"));

        ClassLoads counted = ClassLoads.count(log, CONNECT);

        assertThat(counted.total()).isEqualTo(5);
        assertThat(counted.fromCds()).isEqualTo(1);
        assertThat(counted.byPhase()).containsEntry("start", 1L).containsEntry("init", 2L).containsEntry("event", 1L)
                .containsEntry("first", 1L).doesNotContainKey("prime");
        assertThat(counted.byLibrary()).containsEntry("log4j", 1L).containsEntry("aws-crt", 1L)
                .containsEntry("aws-sdk", 1L).containsEntry("jackson", 1L).containsEntry("jdk", 1L);
    }

    @Test
    void theSummary_comparesEachFunctionsMedianTotalWithTheNoopsInTheSameMode() {
        Summary.Row connect = Summary.of(List.of(NOOP, CONNECT)).rows().get(1);

        assertThat(connect.function()).isEqualTo("connect");
        assertThat(connect.ratio()).isEqualTo(1400.5 / 352);
        assertThat(connect.meetsGoal()).isFalse();
    }

    @Test
    void aPlainBaseline_runsTheNoopWithoutTheFlagsTheFunctionsGet() {
        Options plain = Options.parse("--jvm-flags", "-XX:SharedArchiveFile=a/{name}.jsa", "--baseline", "plain");
        Options flagged = Options.parse("--jvm-flags", "-XX:SharedArchiveFile=a/{name}.jsa");

        assertThat(plain.flagsFor(Function.NOOP)).isEmpty();
        assertThat(plain.flagsFor(Function.NOTIFIER)).containsExactly("-XX:SharedArchiveFile=a/{name}.jsa");
        assertThat(flagged.flagsFor(Function.NOOP)).containsExactly("-XX:SharedArchiveFile=a/{name}.jsa");
    }
}
