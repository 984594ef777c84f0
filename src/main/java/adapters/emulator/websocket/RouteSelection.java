package adapters.emulator.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Evaluates a route selection expression ({@code $request.body.action}, {@code ${request.body.a.b}}) on a message;
 * a message that is not a JSON object, or lacks the property, selects nothing.
 */
final class RouteSelection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "request.body.";

    private final String[] path;

    RouteSelection(String expression) {
        String bare = expression == null ? "" : expression.replaceAll("^\\$\\{(.*)}$", "$1").replaceFirst("^\\$", "");
        this.path = bare.startsWith(BODY) ? bare.substring(BODY.length()).split("\\.") : new String[0];
    }

    Optional<String> routeKey(String body) {
        if (path.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String step : path) {
                node = node == null || !node.isObject() ? null : node.get(step);
            }
            return node != null && node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
