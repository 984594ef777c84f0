package adapters.localstack.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler with both constructors: answers with one environment variable and how many instances exist. */
public final class EnvironmentEcho implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    public static final AtomicInteger INSTANCES = new AtomicInteger();
    private final Map<String, String> environment;

    public EnvironmentEcho() {
        this(Map.of("GREETING", "no-arg constructor"));
    }

    public EnvironmentEcho(Map<String, String> environment) {
        this.environment = environment;
        INSTANCES.incrementAndGet();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody(environment.get("GREETING") + " from " + context.getFunctionName());
        return response;
    }
}
