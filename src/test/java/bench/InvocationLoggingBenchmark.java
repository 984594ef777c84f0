package bench;

import adapters.lambda.InvocationsAccess;
import adapters.lambda.OfflineContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
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

/**
 * What every WebSocket invocation pays for its log context before and after its work, in the local stack as on
 * Lambda: {@code Invocations.logged} around work that only tags the user (as $connect does) and answers. No line
 * is written, so this is the context's cost alone, whatever the layout. The backend is the test class path's (Log4j
 * with log4j2-test.xml); {@code -jvmArgsAppend -Dslf4j.provider=...} measures another.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvocationLoggingBenchmark {
    private static final APIGatewayV2WebSocketResponse OK = new APIGatewayV2WebSocketResponse();

    final OfflineContext context = new OfflineContext("c0ld5tar-0000-4000-8000-000000000001", "herald-connect",
            "us-east-1", 1024, Duration.ofMinutes(30));
    final APIGatewayV2WebSocketEvent event = connectEvent();

    @Benchmark
    public APIGatewayV2WebSocketResponse loggedConnect() {
        return InvocationsAccess.logged(context, event, () -> {
            InvocationsAccess.tag("userId", "u-bench");
            return OK;
        });
    }

    private static APIGatewayV2WebSocketEvent connectEvent() {
        APIGatewayV2WebSocketEvent.RequestContext request = new APIGatewayV2WebSocketEvent.RequestContext();
        request.setConnectionId("uH3PHq_dM1on8gw=");
        request.setRouteKey("$connect");
        request.setRequestId("CYf6eFzvDoEFaXw=");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(request);
        return event;
    }
}
