package adapters.apigateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One answer of API Gateway's @connections API, as AWS writes it: errors carry the
 * {@code x-amzn-ErrorType} header and a JSON body with only a {@code message}.
 *
 * @param body JSON, or null for none
 */
record Answer(int status, String errorType, String body) {
    static final Answer MISSING_AUTHENTICATION_TOKEN =
            error(403, "MissingAuthenticationTokenException", "\"Missing Authentication Token\"");
    /** AWS writes these timestamps with milliseconds, always. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static Answer empty(int status) {
        return new Answer(status, null, null);
    }

    static Answer json(int status, String body) {
        return new Answer(status, null, body);
    }

    /** @param message a JSON value: a quoted string, or null */
    static Answer error(int status, String errorType, String message) {
        return new Answer(status, errorType, "{\"message\":" + message + "}");
    }

    /** The body of GET @connections/{id}. */
    static String connection(Instant connectedAt, String sourceIp) {
        return "{\"connectedAt\":\"" + TIMESTAMP.format(connectedAt) + "\","
                + "\"identity\":{\"sourceIp\":\"" + sourceIp + "\",\"userAgent\":\"Mozilla/5.0 (herald test)\"},"
                + "\"lastActiveAt\":\"" + TIMESTAMP.format(Instant.now()) + "\"}";
    }

    void writeTo(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
