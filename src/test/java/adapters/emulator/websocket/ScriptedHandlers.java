package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test handlers: {@code $connect} refuses with 401 when the query has {@code refuse}, returns the subprotocol named
 * by {@code protocol}, waits for {@link #releaseHeldConnects()} when it has {@code hold-connect}; {@code echo} answers
 * the body, {@code fail} throws, {@code slow} outlives its timeout; every event is recorded, and so is every
 * connection {@code $connect} accepted until its {@code $disconnect}: the records a real {@code $connect} would keep.
 */
final class ScriptedHandlers implements LambdaInvoker {
    private final BlockingQueue<APIGatewayV2WebSocketEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, DisconnectRequestContext> disconnects = new ConcurrentHashMap<>();
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final CountDownLatch held = new CountDownLatch(1);

    @Override
    public APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event) {
        events.add(event);
        if (event.getRequestContext() instanceof DisconnectRequestContext closed) {
            disconnects.put(closed.getConnectionId(), closed);
            recorded.remove(closed.getConnectionId());
        }
        switch (route.routeKey()) {
            case Route.CONNECT: return record(event, connect(event));
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

    /** The connections whose {@code $connect} succeeded and whose {@code $disconnect} has not run. */
    Set<String> recordedConnections() {
        return Set.copyOf(recorded);
    }

    /** Lets every {@code $connect} held by {@code ?hold-connect} finish, accepting its connection. */
    void releaseHeldConnects() {
        held.countDown();
    }

    private APIGatewayV2WebSocketResponse record(APIGatewayV2WebSocketEvent event, APIGatewayV2WebSocketResponse answer) {
        if (answer.getStatusCode() / 100 == 2) {
            recorded.add(event.getRequestContext().getConnectionId());
        }
        return answer;
    }

    private APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        Map<String, String> query = Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of());
        if (query.containsKey("hold-connect")) {
            await(held);
        }
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
