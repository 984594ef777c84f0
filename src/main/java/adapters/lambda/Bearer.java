package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a browser puts its token at $connect. Browsers cannot set headers on a WebSocket, so the
 * client offers two subprotocols, {@code herald} and the token itself; API Gateway requires the
 * handler to name one of the offered protocols in its answer, and Herald names {@code herald} so
 * the token is never echoed. A {@code token} query parameter is accepted as well, for tools such
 * as wscat, though it ends up in access logs.
 *
 * @param selectedProtocol the protocol to answer with, when the client offered any
 */
record Bearer(Optional<String> token, Optional<String> selectedProtocol) {
    static final String PROTOCOL = "herald";
    private static final String HEADER = "sec-websocket-protocol";

    static Bearer of(APIGatewayV2WebSocketEvent event) {
        List<String> offered = offeredProtocols(event.getHeaders());
        Optional<String> fromProtocols = offered.stream().filter(protocol -> !protocol.equals(PROTOCOL)).findFirst();
        Optional<String> fromQuery = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("token"));
        Optional<String> selected = offered.isEmpty()
                ? Optional.empty()
                : Optional.of(offered.contains(PROTOCOL) ? PROTOCOL : offered.get(0));
        return new Bearer(fromProtocols.or(() -> fromQuery).filter(token -> !token.isBlank()), selected);
    }

    private static List<String> offeredProtocols(Map<String, String> headers) {
        if (headers == null) {
            return List.of();
        }
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(HEADER))
                .flatMap(header -> Arrays.stream(header.getValue().split(",")))
                .map(String::trim)
                .filter(protocol -> !protocol.isEmpty())
                .toList();
    }
}
