package adapters.lambda.log;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The fields that are the same on every line an execution environment writes (the function's ARN, memory, name and
 * version, and the service), written once as a ready JSON fragment rather than per invocation or per line. Before the
 * first invocation they come from the variables Lambda sets; the first invocation's context completes them (only it
 * has the ARN). One function runs per execution environment; the local stack, which runs four in one JVM, logs through
 * Log4j's console and never prints these.
 */
final class ExecutionEnvironment {
    private static volatile String fragment = fragment(null, variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
            variable("AWS_LAMBDA_FUNCTION_NAME"), variable("AWS_LAMBDA_FUNCTION_VERSION"));
    private static volatile boolean described;

    private ExecutionEnvironment() {
    }

    /** {@code ,"function_arn":...,"service":"..."}: what follows a line's timestamp. */
    static String fragment() {
        return fragment;
    }

    /** Completes the fields from the first invocation's context; later calls only read a flag. */
    static void describeOnce(Context context) {
        if (!described) {
            synchronized (ExecutionEnvironment.class) {
                fragment = fragment(context.getInvokedFunctionArn(), String.valueOf(context.getMemoryLimitInMB()),
                        context.getFunctionName(), context.getFunctionVersion());
                described = true;
            }
        }
    }

    /** Priming's context is not Lambda's: the first real invocation describes the environment instead. */
    static void forget() {
        described = false;
    }

    static String fragment(String functionArn, String memory, String functionName, String functionVersion) {
        StringBuilder json = new StringBuilder(256);
        field(json, "function_arn", functionArn);
        if (memory != null && !memory.isEmpty() && memory.chars().allMatch(Character::isDigit)) {
            json.append(",\"function_memory_size\":").append(memory);
        }
        field(json, "function_name", functionName);
        field(json, "function_version", functionVersion);
        String service = variable("POWERTOOLS_SERVICE_NAME");
        field(json, "service", service == null ? "service_undefined" : service);
        return json.toString();
    }

    private static String variable(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.append(",\"").append(name).append("\":");
            JsonLines.string(json, value);
        }
    }
}
