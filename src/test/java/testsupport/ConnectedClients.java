package testsupport;

import adapters.emulator.definitions.FunctionDefinition;
import adapters.emulator.websocket.ApiGatewayEmulator;
import adapters.emulator.websocket.ApiGatewayEmulator.OpenConnection;
import adapters.emulator.websocket.EmulatorSettings;
import adapters.emulator.websocket.Route;
import adapters.emulator.websocket.RouteTable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The gateway emulator on a free port with real WebSocket clients connected to it, known by the connection ids the
 * gateway gave them: what a test of the @connections API pushes to and reads back. Its {@code $default} route
 * answers each message with its body, which is how a client learns that everything posted before has arrived.
 */
public final class ConnectedClients implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String TAG = "client";

    private final Map<String, String> idsByTag = new ConcurrentHashMap<>();
    private final Map<String, WebSocketTestClient> clients = new ConcurrentHashMap<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final ApiGatewayEmulator gateway;

    private ConnectedClients() throws InterruptedException {
        FunctionDefinition function = new FunctionDefinition("Echo", "echo", Map.of(), Duration.ofSeconds(10), 128,
                "us-east-1");
        RouteTable routes = new RouteTable("$request.body.action", List.of(
                new Route(Route.CONNECT, function, Duration.ofSeconds(29), false),
                new Route(Route.DISCONNECT, function, Duration.ofSeconds(29), false),
                new Route(Route.DEFAULT, function, Duration.ofSeconds(29), true)));
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), routes, this::invoke);
    }

    public static ConnectedClients start() throws InterruptedException {
        return new ConnectedClients();
    }

    /** The stage URL of the @connections API, for {@code WS_API_ENDPOINT}. */
    public URI endpoint() {
        return gateway.managementEndpoint();
    }

    /** Connects a client that reads what it is sent, and returns its connection id. */
    public String open() {
        return open(WebSocketTestClient::connect);
    }

    /** Connects a client that reads nothing until it is {@linkplain WebSocketTestClient#resume() resumed}. */
    public String openStalled() {
        return open(WebSocketTestClient::stalled);
    }

    private String open(Function<URI, WebSocketTestClient> connect) {
        String tag = UUID.randomUUID().toString();
        WebSocketTestClient client = connect.apply(URI.create(gateway.webSocketUri() + "?" + TAG + "=" + tag));
        String id = idsByTag.remove(tag);
        clients.put(id, client);
        received.put(id, new ArrayList<>());
        awaitListed(id, true);
        return id;
    }

    public WebSocketTestClient client(String id) {
        return clients.get(id);
    }

    /** Everything the client has read so far, in order, including all that the gateway accepted for it before. */
    public List<String> received(String id) {
        List<String> seen = received.get(id);
        if (listed(id)) {
            String marker = "arrived-" + UUID.randomUUID();
            clients.get(id).send(marker);
            try {
                seen.addAll(clients.get(id).takeUntil(marker::equals));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading " + id, e);
            }
        }
        return List.copyOf(seen);
    }

    /** Drops the client's connection without a close frame, and waits until the gateway has let it go. */
    public void drop(String id) {
        clients.get(id).drop();
        awaitGone(id);
    }

    /** Waits until the gateway no longer knows the connection, however it closed. */
    public void awaitGone(String id) {
        awaitListed(id, false);
    }

    private void awaitListed(String id, boolean listed) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (listed(id) != listed) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection " + id + (listed ? " never opened" : " never closed"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private boolean listed(String id) {
        return gateway.connections().stream().map(OpenConnection::connectionId).anyMatch(id::equals);
    }

    @Override
    public void close() {
        clients.values().forEach(WebSocketTestClient::drop);
        gateway.close();
    }

    private APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        if (route.routeKey().equals(Route.CONNECT) && query != null && query.containsKey(TAG)) {
            idsByTag.put(query.get(TAG), event.getRequestContext().getConnectionId());
        }
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody(route.routeKey().equals(Route.DEFAULT) ? event.getBody() : null);
        return response;
    }
}
