package adapters.emulator.definitions;

import java.util.List;
import java.util.Optional;

/**
 * A WebSocket API as the template defines it, in either form ({@code AWS::Serverless::WebSocketApi} or
 * {@code AWS::ApiGatewayV2::Api} with its routes and integrations).
 */
public record WebSocketApiDefinition(String logicalId, String apiId, String stageName,
        String routeSelectionExpression, List<RouteDefinition> routes) {

    public WebSocketApiDefinition {
        routes = List.copyOf(routes);
    }

    public Optional<RouteDefinition> route(String routeKey) {
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst();
    }
}
