package adapters.emulator.definitions;

import java.time.Duration;

/**
 * One route of the WebSocket API.
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
 * @param functionLogicalId the function its Lambda proxy integration invokes
 * @param integrationTimeout the integration's timeout (29 s unless the template lowers it)
 * @param twoWay true when the route has a route response, so the function's body is sent back to the client
 */
public record RouteDefinition(String routeKey, String functionLogicalId, Duration integrationTimeout, boolean twoWay) {
    /** API Gateway's default and maximum integration timeout for WebSocket APIs. */
    public static final Duration MAX_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);
}
