package adapters.emulator.websocket;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@code $disconnect} once for every connection that opened, after its socket closed, whatever closed it;
 * and remembers the calls still running so a shutdown can wait for them.
 */
final class Disconnects {
    private final RouteTable routes;
    private final Invocations invocations;
    private final Events events;
    private final Connections connections;
    private final Set<CompletableFuture<Outcome>> running = ConcurrentHashMap.newKeySet();

    Disconnects(RouteTable routes, Invocations invocations, Events events, Connections connections) {
        this.routes = routes;
        this.invocations = invocations;
        this.events = events;
        this.connections = connections;
    }

    void closed(Connection connection) {
        routes.route(Route.DISCONNECT).ifPresent(route -> {
            CompletableFuture<Outcome> call = invocations.invoke(route, events.disconnect(connection));
            running.add(call);
            call.whenComplete((outcome, error) -> running.remove(call));
        });
        // Removed only once its $disconnect is tracked, so a shutdown that sees no connection left can wait for it.
        connections.remove(connection);
    }

    CompletableFuture<Void> allDone() {
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }
}
