package adapters.emulator.definitions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function of the template with its environment resolved to local values.
 *
 * @param handler the {@code Handler} property, e.g. {@code adapters.lambda.ConnectHandler::handleRequest}
 * @param environment {@code Globals.Function.Environment.Variables} merged with the function's own, intrinsics
 *     resolved, {@code --env-vars} overrides applied, {@code AWS::NoValue} entries removed
 */
public record FunctionDefinition(String logicalId, String handler, Map<String, String> environment,
        Duration timeout, int memorySize, String region) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
    }

    /** The handler's class name: the part of {@code Handler} before {@code ::}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The environment plus the variables the Lambda runtime itself sets. */
    public Map<String, String> runtimeEnvironment() {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put("AWS_REGION", region);
        all.put("AWS_DEFAULT_REGION", region);
        all.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        all.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        all.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memorySize));
        all.put("AWS_LAMBDA_FUNCTION_TIMEOUT", String.valueOf(timeout.toSeconds()));
        return Map.copyOf(all);
    }
}
