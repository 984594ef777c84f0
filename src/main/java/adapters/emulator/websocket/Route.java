package adapters.emulator.websocket;

import adapters.emulator.definitions.FunctionDefinition;
import java.time.Duration;

/**
 * A route of the local WebSocket API and the function behind it.
 *
 * @param twoWay whether the function's response body is sent back to the client (the route has a route response)
 */
public record Route(String routeKey, FunctionDefinition function, Duration integrationTimeout, boolean twoWay) {
    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";
}
