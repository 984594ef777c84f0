package adapters.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Runs the function behind a route, as Lambda would; the composition root decides how a template's
 * {@code Handler} becomes code ({@link ReflectiveLambdaInvoker} instantiates the named class).
 */
@FunctionalInterface
public interface LambdaInvoker {

    /** Invokes the route's function with the event; an exception is a failed invocation, as a Lambda error is. */
    APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event, Context context);
}
