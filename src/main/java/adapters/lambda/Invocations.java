package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * One structured-JSON log context per invocation (Powertools adds the Lambda request id, cold start
 * and function fields; the connection and API request ids are added here), and a last line of
 * defence: an unexpected exception becomes a 500 with a log line, never a crashed invocation.
 */
final class Invocations {
    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);
    private static final List<String> KEYS = List.of("connectionId", "routeKey", "apiRequestId", "userId");

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
        try {
            return context == null ? work.get() : PowertoolsLogging.withLogging(context, work);
        } finally {
            KEYS.forEach(MDC::remove);
        }
    }

    /** Adds a field to every log line of this invocation. */
    static void tag(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
