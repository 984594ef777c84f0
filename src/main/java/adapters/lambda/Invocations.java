package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import adapters.lambda.log.InvocationLog;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log context per invocation (the Lambda request id, cold start and trace id from {@link InvocationLog}; the
 * connection, route and API request ids added here; the user once the handler knows it), cleared when it ends; and a
 * last line of defence: an unexpected exception becomes a 500 with a log line, never a crashed invocation.
 */
final class Invocations {
    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);

    private Invocations() {
    }

    static APIGatewayV2WebSocketResponse logged(Context context, APIGatewayV2WebSocketEvent event,
                                                Supplier<APIGatewayV2WebSocketResponse> work) {
        return withLogging(context, () -> {
            APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
            tag("connectionId", request.getConnectionId());
            tag("routeKey", request.getRouteKey());
            tag("apiRequestId", request.getRequestId());
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.error("the {} route failed unexpectedly", request.getRouteKey(), e);
                return WebSocketResponses.refused(500, "INTERNAL_ERROR", "Herald could not handle the request");
            }
        });
    }

    static <T> T withLogging(Context context, Supplier<T> work) {
        if (context != null) {
            InvocationLog.begin(context);
        }
        try {
            return work.get();
        } finally {
            InvocationLog.end();
        }
    }

    /** Adds a field to every log line of this invocation. */
    static void tag(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
