package adapters.emulator.websocket;

import adapters.emulator.definitions.LocalTemplate;
import adapters.emulator.definitions.WebSocketApiDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's routes by key and its route selection expression; what the gateway dispatches on. */
public final class RouteTable {
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final RouteSelection selection;

    public RouteTable(String routeSelectionExpression, List<Route> routes) {
        this.selection = new RouteSelection(routeSelectionExpression);
        routes.forEach(route -> this.routes.put(route.routeKey(), route));
    }

    /** The routes of the template's WebSocket API, each with its function's resolved definition. */
    public static RouteTable from(LocalTemplate template) {
        WebSocketApiDefinition api = template.webSocketApi();
        return new RouteTable(api.routeSelectionExpression(), api.routes().stream()
                .map(r -> new Route(r.routeKey(), template.function(r.functionLogicalId()), r.integrationTimeout(),
                        r.twoWay()))
                .toList());
    }

    public Optional<Route> route(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    /** The route a text message goes to: the selected custom route, else {@code $default} (empty if there is none). */
    Optional<Route> forText(String body) {
        return selection.routeKey(body)
                .filter(key -> !key.equals(Route.CONNECT) && !key.equals(Route.DISCONNECT))
                .flatMap(this::route)
                .or(() -> route(Route.DEFAULT));
    }
}
