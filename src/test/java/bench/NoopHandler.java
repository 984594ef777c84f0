package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/**
 * The cold-start baseline: a WebSocket route handler that does nothing but answer 200, so its cold
 * start is the JVM's plus the Lambda libraries' and nothing of Herald's.
 */
public final class NoopHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** The same constructor shape as Herald's handlers, so the benchmark builds every handler alike. */
    public NoopHandler(Map<String, String> environment) {
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
