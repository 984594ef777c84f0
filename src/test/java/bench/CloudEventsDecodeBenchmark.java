package bench;

import adapters.json.CloudEventsCodec;
import domain.ParseResult;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing and validating one queue message, as the Notifier does for every record of a batch. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CloudEventsDecodeBenchmark {
    private static final String VALID = "{\"specversion\":\"1.0\",\"id\":\"6f1c7c1e-0b8e-4a57-9a3e-3b0b0f6f2d11\","
            + "\"source\":\"export-pipeline\",\"type\":\"export.completed\",\"time\":\"2026-03-01T12:00:00Z\","
            + "\"datacontenttype\":\"application/json\",\"claimid\":\"C-1042\","
            + "\"data\":{\"exportId\":\"e-77\",\"url\":\"https://example.com/exports/e-77.zip\"}}";
    private static final String TWO_TARGETS = VALID.replace("\"claimid\":\"C-1042\"", "\"claimid\":\"C-1042\",\"userid\":\"u-1\"");

    private final CloudEventsCodec codec = new CloudEventsCodec(Clock.systemUTC());

    @Benchmark
    public ParseResult decodeValid() {
        return codec.decode(VALID);
    }

    @Benchmark
    public ParseResult decodeRejected() {
        return codec.decode(TWO_TARGETS);
    }
}
