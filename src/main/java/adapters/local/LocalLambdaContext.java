package adapters.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda context of one local invocation, for the gateway's routes and the SQS event source
 * alike: its request id, the function, the time left before its timeout, and a logger that
 * writes to SLF4J under the function's name.
 */
public final class LocalLambdaContext implements Context {
    private static final String ACCOUNT_ID = "000000000000";

    private final String requestId;
    private final String functionName;
    private final String region;
    private final int memoryMegabytes;
    private final long deadlineNanos;

    public LocalLambdaContext(String requestId, String functionName, String region, int memoryMegabytes, Duration timeout) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.region = region;
        this.memoryMegabytes = memoryMegabytes;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
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
        return "local";
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
