package adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda context of an invocation made outside Lambda's runtime: priming before a SnapStart snapshot, the local
 * stack's routes and SQS event source, the cold-start benchmark. It carries what a handler reads (the request id, the
 * function, the time left before its timeout) so the handler takes the path it takes on Lambda, and a logger that
 * writes to SLF4J under the function's name.
 */
public final class OfflineContext implements Context {
    private static final String ACCOUNT_ID = "000000000000";
    private static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(30);

    private final String requestId;
    private final String functionName;
    private final String region;
    private final int memoryMegabytes;
    private final long deadlineNanos;

    public OfflineContext(String requestId, String functionName, String region, int memoryMegabytes, Duration timeout) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.region = region;
        this.memoryMegabytes = memoryMegabytes;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** The context of a priming invocation, named from the variables Lambda sets in the environment being snapshotted. */
    static OfflineContext priming() {
        return new OfflineContext("priming", variable("AWS_LAMBDA_FUNCTION_NAME").orElse("priming"),
                variable("AWS_REGION").orElse("us-east-1"),
                variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").map(Integer::parseInt).orElse(1024), PRIMING_TIMEOUT);
    }

    private static Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "offline";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMegabytes;
    }

    @Override
    public LambdaLogger getLogger() {
        Logger log = LoggerFactory.getLogger("lambda." + functionName);
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info(message);
            }

            @Override
            public void log(byte[] message) {
                log.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
