package adapters.app;

import adapters.local.gateway.LambdaInvoker;
import adapters.local.gateway.Route;
import adapters.local.template.FunctionDefinition;
import adapters.lambda.ConnectHandler;
import adapters.lambda.DefaultHandler;
import adapters.lambda.DisconnectHandler;
import adapters.lambda.NotifierHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The template's functions as the local stack runs them: one warm instance per function, created
 * on its first invocation (by then the gateway's port is known). Herald's own handlers get the
 * local graph when the connections live in memory; any other handler, or every handler when a
 * DynamoDB endpoint is given, is built from its local environment like a Lambda function.
 */
final class LocalHandlers implements LambdaInvoker {
    private final Map<String, Object> warm = new ConcurrentHashMap<>();
    private final Function<FunctionDefinition, Map<String, String>> environments;
    private final Supplier<LocalComponent> inMemory;

    /** {@code inMemory} is null when the handlers use DynamoDB through their environment. */
    LocalHandlers(Function<FunctionDefinition, Map<String, String>> environments, Supplier<LocalComponent> inMemory) {
        this.environments = environments;
        this.inMemory = inMemory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event, Context context) {
        return ((RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>) handlerOf(route.function()))
                .handleRequest(event, context);
    }

    Object handlerOf(FunctionDefinition function) {
        return warm.computeIfAbsent(function.logicalId(), id -> create(function));
    }

    private Object create(FunctionDefinition function) {
        if (inMemory != null) {
            switch (function.handlerClass()) {
                case "adapters.lambda.ConnectHandler":
                    return new ConnectHandler(inMemory.get());
                case "adapters.lambda.DisconnectHandler":
                    return new DisconnectHandler(inMemory.get());
                case "adapters.lambda.DefaultHandler":
                    return new DefaultHandler(inMemory.get());
                case "adapters.lambda.NotifierHandler":
                    return new NotifierHandler(inMemory.get());
                default:
                    break;
            }
        }
        return fromEnvironment(function);
    }

    private Object fromEnvironment(FunctionDefinition function) {
        try {
            return Class.forName(function.handlerClass()).getConstructor(Map.class).newInstance(environments.apply(function));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.logicalId() + " failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + function.handler() + " for " + function.logicalId()
                    + ": it needs a public constructor taking its environment as a Map", e);
        }
    }
}
