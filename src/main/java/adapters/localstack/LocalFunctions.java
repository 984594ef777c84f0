package adapters.localstack;

import adapters.emulator.definitions.FunctionDefinition;
import adapters.emulator.websocket.LambdaInvoker;
import adapters.emulator.websocket.Route;
import adapters.lambda.ConnectHandler;
import adapters.lambda.DefaultHandler;
import adapters.lambda.DisconnectHandler;
import adapters.lambda.NotifierHandler;
import adapters.lambda.OfflineContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The template's functions as the local stack runs them, the one place where a {@code Handler} string becomes code:
 * one warm instance per function, created by {@link #prepare} as the gateway opens (as Lambda's init phase runs
 * ahead of a request) or by its first invocation if that comes first, each invocation given its own {@link OfflineContext}. With the connections in memory, Herald's four handlers share the
 * local graph, as the four functions share one table on AWS. Any other handler, or every handler when a DynamoDB
 * endpoint is given, is built like a Lambda function from its environment: through a public constructor taking it as
 * a {@code Map<String, String>}, or else the public no-arg constructor. One instance serves concurrent invocations.
 */
final class LocalFunctions implements LambdaInvoker {
    private final Map<String, RequestHandler<Object, Object>> warm = new ConcurrentHashMap<>();
    private final Function<FunctionDefinition, Map<String, String>> environments;
    private final Map<String, Supplier<Object>> sharedGraph;

    /** {@code inMemory} is null when the handlers use DynamoDB through their environment. */
    LocalFunctions(Function<FunctionDefinition, Map<String, String>> environments, Supplier<LocalComponent> inMemory) {
        this.environments = environments;
        this.sharedGraph = inMemory == null ? Map.of() : Map.of(
                ConnectHandler.class.getName(), () -> new ConnectHandler(inMemory.get()),
                DisconnectHandler.class.getName(), () -> new DisconnectHandler(inMemory.get()),
                DefaultHandler.class.getName(), () -> new DefaultHandler(inMemory.get()),
                NotifierHandler.class.getName(), () -> new NotifierHandler(inMemory.get()));
    }

    @Override
    public APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event) {
        return (APIGatewayV2WebSocketResponse) invoke(route.function(), event, event.getRequestContext().getRequestId());
    }

    /** The function as Lambda's SQS event source calls it: one batch in, the failures out. */
    Function<SQSEvent, SQSBatchResponse> batchFunction(FunctionDefinition function) {
        return batch -> (SQSBatchResponse) invoke(function, batch, UUID.randomUUID().toString());
    }

    private Object invoke(FunctionDefinition function, Object event, String requestId) {
        return handlerOf(function).handleRequest(event, new OfflineContext(requestId, function.logicalId(),
                function.region(), function.memorySize(), function.timeout()));
    }

    /** Creates each function's warm instance now, as Lambda's init phase would; an invocation meanwhile waits for it. */
    void prepare(Collection<FunctionDefinition> functions) {
        functions.forEach(this::handlerOf);
    }

    private RequestHandler<Object, Object> handlerOf(FunctionDefinition function) {
        return warm.computeIfAbsent(function.logicalId(), id -> create(function));
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> create(FunctionDefinition function) {
        Supplier<Object> shared = sharedGraph.get(function.handlerClass());
        try {
            Object handler = shared != null ? shared.get() : fromEnvironment(function);
            return (RequestHandler<Object, Object>) handler;
        } catch (ClassCastException e) {
            throw new IllegalStateException(function.handler() + " for " + function.logicalId() + " is not a RequestHandler", e);
        }
    }

    private Object fromEnvironment(FunctionDefinition function) {
        try {
            Class<?> type = Class.forName(function.handlerClass());
            Constructor<?> withEnvironment = constructor(type, Map.class);
            return withEnvironment != null
                    ? withEnvironment.newInstance(environments.apply(function))
                    : type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.logicalId() + " failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + function.handler() + " for " + function.logicalId()
                    + ": it needs a public constructor taking its environment as a Map, or a public no-arg one", e);
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }
}
