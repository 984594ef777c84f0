package bench;

import adapters.lambda.OfflineContext;
import adapters.lambda.PrimingAccess;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cold start, in a fresh JVM: builds one handler from the environment (as Lambda's no-arg
 * constructor would), optionally primes it, handles one fixture event and prints one
 * {@link Measurement} line. Run by {@link ColdStartBenchmark}, one process per measurement.
 *
 * <pre>
 * ColdStart FUNCTION unprimed|primed CONNECTION_ID USER_ID CLAIM_ID     (token for connect in BENCH_TOKEN)
 * </pre>
 */
public final class ColdStart {
    private static final Pattern ANSWER_TYPE = Pattern.compile("\"type\":\"(\\w+)\"");

    private ColdStart() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        long mainNanos = System.nanoTime();
        long mainEpochMs = System.currentTimeMillis();
        Function function = Function.of(args[0]);
        boolean primed = args[1].equals("primed");
        Map<String, String> environment = System.getenv();
        // By name and reflection, as the Lambda runtime does, so that only this run's handler is loaded.
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(function.handlerClass)
                .getConstructor(Map.class).newInstance(environment);
        long constructed = System.nanoTime();
        Constructed.mark();
        if (primed && function != Function.NOOP) {
            PrimingAccess.primeAll();
        }
        long primedAt = System.nanoTime();
        Primed.mark();
        Object event = Fixtures.read(function,
                Fixtures.replacements(args[2], args[3], args[4], environment.getOrDefault("BENCH_TOKEN", "")));
        long decoded = System.nanoTime();
        Decoded.mark();
        Object response = handler.handleRequest(event, new OfflineContext("c0ld5tar-0000-4000-8000-000000000001",
                "herald-" + function.key(), "us-east-1", 1024, Duration.ofSeconds(30)));
        long answered = System.nanoTime();
        long answeredEpochMs = System.currentTimeMillis();
        Answered.mark();
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        double mainMs = mainEpochMs - ManagementFactory.getRuntimeMXBean().getStartTime();
        long launchedAt = Long.getLong("bench.launchedAtMs", -1);
        Measurement measurement = new Measurement(function.key(), args[1], outcome(response), mainMs,
                millis(constructed - mainNanos), millis(primedAt - constructed), millis(decoded - primedAt),
                millis(answered - decoded), mainMs + millis(answered - mainNanos), cpuMs,
                launchedAt < 0 ? -1 : answeredEpochMs - launchedAt);
        System.out.println(measurement.line());
        System.out.flush();
        // Lambda never shuts a function down; the SDK clients' threads must not hold this process up.
        System.exit(0);
    }

    /**
     * Phase markers: loading each of these classes marks the end of a phase in the JVM's class-load
     * log, so {@link ClassLoads} can split the log without relying on the two clocks agreeing.
     */
    static final class Constructed {
        static void mark() {
        }
    }

    static final class Primed {
        static void mark() {
        }
    }

    static final class Decoded {
        static void mark() {
        }
    }

    static final class Answered {
        static void mark() {
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String outcome(Object response) {
        if (response instanceof APIGatewayV2WebSocketResponse webSocket) {
            // On the two-way $default route the body is the answer API Gateway sends the caller: its type says which
            // path the request took.
            Matcher type = ANSWER_TYPE.matcher(String.valueOf(webSocket.getBody()));
            return webSocket.getStatusCode() + (type.find() ? ":" + type.group(1) : "");
        }
        if (response instanceof SQSBatchResponse batch) {
            return "failures:" + batch.getBatchItemFailures().size();
        }
        return String.valueOf(response);
    }
}
