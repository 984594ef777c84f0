package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Real event JSON from src/test/resources/events, shaped as API Gateway and Lambda's SQS poller send it. */
final class Events {
    /** Lambda's own deserializer matches names case-insensitively ("Records", "eventSourceARN"). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Events() {
    }

    static APIGatewayV2WebSocketEvent webSocket(String name) {
        return webSocket(name, "");
    }

    /** The event with {@code ${TOKEN}} replaced by the given token. */
    static APIGatewayV2WebSocketEvent webSocket(String name, String token) {
        return read(name, Map.of("${TOKEN}", token), APIGatewayV2WebSocketEvent.class);
    }

    /** The event with each {@code ${NAME}} placeholder replaced by its value, escaped as a JSON string's content. */
    static APIGatewayV2WebSocketEvent webSocket(String name, Map<String, String> values) {
        Map<String, String> placeholders = new HashMap<>();
        values.forEach((key, value) -> placeholders.put("${" + key + "}", jsonContent(value)));
        return read(name, placeholders, APIGatewayV2WebSocketEvent.class);
    }

    private static String jsonContent(String value) {
        try {
            String quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SQSEvent sqs(String name) {
        return read(name, Map.of(), SQSEvent.class);
    }

    /** The event with {@code ${NOTIFICATION_ID}} replaced by the given id. */
    static SQSEvent sqs(String name, String notificationId) {
        return read(name, Map.of("${NOTIFICATION_ID}", notificationId), SQSEvent.class);
    }

    private static <T> T read(String name, Map<String, String> placeholders, Class<T> type) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture named " + name);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                json = json.replace(placeholder.getKey(), placeholder.getValue());
            }
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
