package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a browser puts its token at $connect. Browsers cannot set headers on a WebSocket, so the client offers two
 * subprotocols, {@code herald} then the token; API Gateway requires the handler to name one of the offered protocols
 * in its answer, and Herald names {@code herald}, so the token is never echoed. A {@code token} query parameter is
 * accepted as well, for tools such as wscat, though it ends up in access logs; when present it is the token, and the
 * offered protocols are only protocols. Nothing else is a token: only the second of exactly {@code [herald, token]}
 * is, and a client that offers protocols without {@code herald} cannot be answered at all (whatever Herald named
 * would be one of its own, perhaps its token), so it is refused.
 *
 * @param selectedProtocol the protocol to answer with, when the client offered any
 */
record Bearer(Optional<String> token, Optional<String> selectedProtocol) {
    static final String PROTOCOL = "herald";
    private static final String HEADER = "sec-websocket-protocol";

    /** The presented token, or empty when the client offered subprotocols without {@code herald}. */
    static Optional<Bearer> of(APIGatewayV2WebSocketEvent event) {
        List<String> offered = offeredProtocols(event);
        Optional<String> fromQuery = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("token"));
        if (offered.isEmpty()) {
            return Optional.of(new Bearer(fromQuery.filter(token -> !token.isBlank()), Optional.empty()));
        }
        if (!offered.contains(PROTOCOL)) {
            return Optional.empty();
        }
        Optional<String> fromPair = offered.size() == 2 && offered.get(0).equals(PROTOCOL)
                ? Optional.of(offered.get(1)) : Optional.empty();
        return Optional.of(new Bearer(fromQuery.or(() -> fromPair).filter(token -> !token.isBlank()),
                Optional.of(PROTOCOL)));
    }

    /** Every offered protocol in order; the multi-value form keeps them all when the header was sent twice. */
    private static List<String> offeredProtocols(APIGatewayV2WebSocketEvent event) {
        Stream<String> values = event.getMultiValueHeaders() != null
                ? named(event.getMultiValueHeaders()).flatMap(List::stream)
                : named(Optional.ofNullable(event.getHeaders()).orElse(Map.of()));
        return values.flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(protocol -> !protocol.isEmpty())
                .toList();
    }

    private static <V> Stream<V> named(Map<String, V> headers) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(HEADER))
                .map(Map.Entry::getValue).filter(Objects::nonNull);
    }
}
