package adapters.apigateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** How API Gateway's @connections API writes its answers, for {@link ConnectionsServer}. */
final class AwsWire {
    /** AWS writes these timestamps with milliseconds, always. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AwsWire() {
    }

    /** The body of GET @connections/{id}. */
    static String connection(Instant connectedAt, HttpExchange exchange) {
        return "{\"connectedAt\":\"" + TIMESTAMP.format(connectedAt) + "\","
                + "\"identity\":{\"sourceIp\":\"" + exchange.getRemoteAddress().getAddress().getHostAddress() + "\","
                + "\"userAgent\":\"Mozilla/5.0 (herald test)\"},"
                + "\"lastActiveAt\":\"" + TIMESTAMP.format(Instant.now()) + "\"}";
    }

    static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        json(exchange, status, "{\"message\":" + message + "}");
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
