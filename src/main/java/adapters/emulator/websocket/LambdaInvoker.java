package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Runs the function behind a route, as Lambda would. The emulator knows a function only as the template defines it;
 * whoever assembles it decides how the template's {@code Handler} becomes code and what Lambda context it sees.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /** Invokes the route's function with the event; an exception is a failed invocation, as a Lambda error is. */
    APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event);
}
