package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test handlers: {@code $connect} refuses with 401 when the query has {@code refuse}, returns the subprotocol named
 * by {@code protocol}; {@code echo} answers the body, {@code fail} throws, {@code slow} outlives its timeout; every
 * event is recorded.
 */
final class ScriptedHandlers implements LambdaInvoker {
    private final BlockingQueue<APIGatewayV2WebSocketEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, DisconnectRequestContext> disconnects = new ConcurrentHashMap<>();

    @Override
    public APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event) {
        events.add(event);
        if (event.getRequestContext() instanceof DisconnectRequestContext closed) {
            disconnects.put(closed.getConnectionId(), closed);
        }
        switch (route.routeKey()) {
            case Route.CONNECT: return connect(event);
            case "fail": throw new IllegalStateException("the handler failed on purpose");
            case "slow": sleep(Duration.ofSeconds(3)); return ok(null);
            case "echo": return ok(event.getBody());
            default: return ok(null);
        }
    }

    /** The next recorded event of the route (waiting up to 10 s), or fails. */
    APIGatewayV2WebSocketEvent next(String routeKey) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            APIGatewayV2WebSocketEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.getRequestContext().getRouteKey().equals(routeKey)) {
                return event;
            }
        }
        throw new AssertionError("no " + routeKey + " event within 10 s");
    }

    /** The recorded {@code $disconnect} of one connection, waiting up to 10 s. */
    DisconnectRequestContext disconnectOf(String connectionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            DisconnectRequestContext context = disconnects.get(connectionId);
            if (context != null) {
                return context;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no $disconnect for " + connectionId + " within 10 s");
    }

    private static APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        Map<String, String> query = Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of());
        if (query.containsKey("refuse")) {
            APIGatewayV2WebSocketResponse refused = ok("Unauthorized: " + query.get("refuse"));
            refused.setStatusCode(401);
            return refused;
        }
        APIGatewayV2WebSocketResponse response = ok(null);
        if (query.containsKey("protocol")) {
            response.setHeaders(Map.of("Sec-WebSocket-Protocol", query.get("protocol")));
        }
        return response;
    }

    private static APIGatewayV2WebSocketResponse ok(String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody(body);
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
