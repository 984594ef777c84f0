package bench;

import static org.assertj.core.api.Assertions.assertThat;

import domain.DeliveryOutcome;
import domain.DeliveryReport;
import domain.ParseResult;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Runs each JMH benchmark's set-up and body once, without JMH, so a benchmark that stops doing its work (or throws)
 * fails the suite instead of rotting until someone next runs {@link BenchmarkMain}. Nothing is timed.
 */
class MicroBenchmarksTest {
    @Test
    void fanOutBenchmark_deliversToEverySubscriber() {
        FanOutBenchmark benchmark = new FanOutBenchmark();
        benchmark.connections = 200;
        benchmark.subscribeEveryone();

        DeliveryReport report = benchmark.deliverToEverySubscriber();

        assertThat(report.outcomes()).hasSize(200);
        assertThat(report.outcomes().values()).containsOnly(DeliveryOutcome.DELIVERED);
    }

    @Test
    void cloudEventsDecodeBenchmark_decodesTheValidEventAndRejectsTheOther() {
        CloudEventsDecodeBenchmark benchmark = new CloudEventsDecodeBenchmark();

        assertThat(benchmark.decodeValid()).isInstanceOf(ParseResult.Parsed.class);
        assertThat(benchmark.decodeRejected()).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void invocationLoggingBenchmark_answersThroughTheLoggedPathAndLeavesNoContextBehind() {
        InvocationLoggingBenchmark benchmark = new InvocationLoggingBenchmark();

        assertThat(benchmark.loggedConnect()).isNotNull();
        assertThat(MDC.get("userId")).isNull();
        assertThat(MDC.get("connectionId")).isNull();
    }
}
