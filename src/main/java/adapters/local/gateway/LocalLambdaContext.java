package adapters.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import adapters.local.template.FunctionDefinition;

/** The Lambda context of a local invocation: its request id, the function, and the time left before its timeout. */
final class LocalLambdaContext implements Context {
    private final String requestId;
    private final FunctionDefinition function;
    private final long deadlineMillis;

    LocalLambdaContext(String requestId, FunctionDefinition function, long startMillis) {
        this.requestId = requestId;
        this.function = function;
        this.deadlineMillis = startMillis + function.timeout().toMillis();
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + function.logicalId(); }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return function.logicalId(); }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + function.region() + ":000000000000:function:" + function.logicalId();
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }
    @Override public int getMemoryLimitInMB() { return function.memorySize(); }
    @Override public LambdaLogger getLogger() { return new Slf4jLambdaLogger(function.logicalId()); }
}
