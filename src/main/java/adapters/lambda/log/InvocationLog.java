package adapters.lambda.log;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;

/**
 * Each invocation's log fields, through SLF4J's MDC whatever the backend: the Lambda request id, whether this is the
 * execution environment's first invocation, and the X-Ray trace id. The function's own fields are set once per
 * execution environment ({@link ExecutionEnvironment}), never per invocation.
 */
public final class InvocationLog {
    static final String REQUEST_ID = "function_request_id";
    static final String COLD_START = "cold_start";
    static final String TRACE_ID = "xray_trace_id";
    /** Set by Lambda's Java runtime for each invocation; the variable holds only the first one's. */
    private static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static volatile boolean coldStart = true;

    private InvocationLog() {
    }

    /** Starts an invocation's fields; {@link #end()} clears them, and whatever the handler added, from the thread. */
    public static void begin(Context context) {
        ExecutionEnvironment.describeOnce(context);
        MDC.put(REQUEST_ID, context.getAwsRequestId());
        if (coldStart) {
            coldStart = false;
            MDC.put(COLD_START, "true");
        } else {
            MDC.put(COLD_START, "false");
        }
        String traceId = traceId(System.getProperty(TRACE_HEADER_PROPERTY, System.getenv("_X_AMZN_TRACE_ID")));
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
    }

    public static void end() {
        MDC.clear();
    }

    /**
     * Priming runs the handlers before a SnapStart snapshot; it is not the first invocation, so the first real one
     * (in every copy restored from the snapshot) still logs {@code cold_start: true} and describes the function from
     * Lambda's own context.
     */
    public static void primingWasNoInvocation() {
        coldStart = true;
        ExecutionEnvironment.forget();
    }

    /** The Root of an X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=1}), as Powertools logs it. */
    static String traceId(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return null;
    }
}
