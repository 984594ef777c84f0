package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads WebSocket APIs in both forms: the SAM resource and the plain ApiGatewayV2 resources. */
final class WebSocketApiReader {
    private final Template template;
    private final Intrinsics intrinsics;

    WebSocketApiReader(Template template, Intrinsics intrinsics) {
        this.template = template;
        this.intrinsics = intrinsics;
    }

    List<WebSocketApiDefinition> read() {
        List<WebSocketApiDefinition> apis = new ArrayList<>();
        template.ofType("AWS::Serverless::WebSocketApi").forEach(id -> apis.add(serverless(id)));
        template.ofType("AWS::ApiGatewayV2::Api").stream()
                .filter(id -> "WEBSOCKET".equals(intrinsics.string(template.properties(id).get("ProtocolType"))))
                .forEach(id -> apis.add(plain(id)));
        return apis;
    }

    private WebSocketApiDefinition serverless(String id) {
        Map<String, Object> properties = template.properties(id);
        List<RouteDefinition> routes = new ArrayList<>();
        map(properties.get("Routes")).forEach((key, value) -> {
            Map<String, Object> route = map(value);
            routes.add(new RouteDefinition(key, function(route.get("FunctionArn"), id + " route " + key),
                    timeout(route.get("IntegrationTimeout")), route.containsKey("RouteResponseSelectionExpression")));
        });
        Object stage = properties.get("StageName");
        return new WebSocketApiDefinition(id, intrinsics.string(Map.of("Ref", id)),
                stage == null ? "default" : intrinsics.string(stage),
                intrinsics.string(properties.get("RouteSelectionExpression")), routes);
    }

    private WebSocketApiDefinition plain(String id) {
        List<RouteDefinition> routes = new ArrayList<>();
        for (String route : belongingTo(id, "AWS::ApiGatewayV2::Route")) {
            Map<String, Object> properties = template.properties(route);
            String integration = ResourceLinks.find(properties.get("Target"),
                    name -> template.type(name).equals("AWS::ApiGatewayV2::Integration"))
                    .orElseThrow(() -> new IllegalArgumentException(route + " has no Lambda integration target"));
            Map<String, Object> integrationProperties = template.properties(integration);
            routes.add(new RouteDefinition(intrinsics.string(properties.get("RouteKey")),
                    function(integrationProperties.get("IntegrationUri"), integration),
                    timeout(integrationProperties.get("TimeoutInMillis")), twoWay(route, properties)));
        }
        String stage = belongingTo(id, "AWS::ApiGatewayV2::Stage").stream()
                .map(s -> intrinsics.string(template.properties(s).get("StageName"))).findFirst().orElse("$default");
        return new WebSocketApiDefinition(id, intrinsics.string(Map.of("Ref", id)), stage,
                intrinsics.string(template.properties(id).get("RouteSelectionExpression")), routes);
    }

    /**
     * API Gateway sends a function's body back only when its route selects a route response and has one: the
     * {@code $default} route response is the only kind a WebSocket API can have.
     */
    private boolean twoWay(String route, Map<String, Object> properties) {
        return properties.containsKey("RouteResponseSelectionExpression")
                && template.ofType("AWS::ApiGatewayV2::RouteResponse").stream().map(template::properties)
                        .anyMatch(response -> ResourceLinks.find(response.get("RouteId"), route::equals).isPresent()
                                && "$default".equals(intrinsics.string(response.get("RouteResponseKey"))));
    }

    private List<String> belongingTo(String api, String type) {
        return template.ofType(type).stream().filter(r -> ResourceLinks.find(template.properties(r).get("ApiId"),
                api::equals).isPresent()).toList();
    }

    private String function(Object reference, String where) {
        return ResourceLinks.find(reference, template::isFunction)
                .orElseThrow(() -> new IllegalArgumentException(where + " does not name a function of the template"));
    }

    private Duration timeout(Object millis) {
        return millis == null ? RouteDefinition.MAX_INTEGRATION_TIMEOUT
                : Duration.ofMillis(Long.parseLong(intrinsics.string(millis)));
    }
}
