package adapters.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;

/**
 * Instantiates the {@code Handler} class the template names, once per function like a warm execution environment:
 * through its public {@code (Map<String, String> environment)} constructor, given the function's resolved
 * environment, or else its public no-arg constructor. One instance serves concurrent invocations, so handlers
 * must be thread-safe.
 */
public final class ReflectiveLambdaInvoker implements LambdaInvoker {
    private final Map<String, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> warm =
            new ConcurrentHashMap<>();

    @Inject
    public ReflectiveLambdaInvoker() {
    }

    @Override
    public APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event, Context context) {
        return warm.computeIfAbsent(route.function().logicalId(), name -> instantiate(route))
                .handleRequest(event, context);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> instantiate(Route route) {
        String className = route.function().handlerClass();
        try {
            Class<?> type = Class.forName(className);
            Object handler = withEnvironment(type) != null
                    ? withEnvironment(type).newInstance(route.function().runtimeEnvironment())
                    : type.getConstructor().newInstance();
            return (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>) handler;
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create handler " + className + " for "
                    + route.function().logicalId() + ": " + cause, cause);
        }
    }

    private static Constructor<?> withEnvironment(Class<?> type) {
        try {
            return type.getConstructor(Map.class);
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }
}
