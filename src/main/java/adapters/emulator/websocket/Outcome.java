package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/** How an integration call ended: the function answered, failed (error, Lambda timeout), or the integration timed out. */
record Outcome(Kind kind, APIGatewayV2WebSocketResponse response, String requestId) {
    enum Kind { ANSWERED, FAILED, TIMED_OUT }

    /** The HTTP status API Gateway derives: the function's, 502 for a failed function, 504 for a timeout. */
    int status() {
        switch (kind) {
            case FAILED: return 502;
            case TIMED_OUT: return 504;
            default: return response == null ? 200 : response.getStatusCode();
        }
    }

    /** A response header, case-insensitively, from {@code headers} or {@code multiValueHeaders}. */
    String header(String name) {
        if (response == null) {
            return null;
        }
        Map<String, String> single = response.getHeaders() == null ? Map.of() : response.getHeaders();
        Map<String, String[]> multi = response.getMultiValueHeaders() == null ? Map.of() : response.getMultiValueHeaders();
        return single.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElseGet(() -> multi.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .filter(e -> e.getValue().length > 0).map(e -> e.getValue()[0]).findFirst().orElse(null));
    }

    String body() {
        return response == null ? null : response.getBody();
    }
}
