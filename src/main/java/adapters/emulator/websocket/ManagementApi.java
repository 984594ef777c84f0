package adapters.emulator.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The @connections API on {@code /{stage}/@connections/{id}}: POST sends, GET describes, DELETE closes; errors carry
 * {@code x-amzn-ErrorType} so the AWS SDK raises GoneException, PayloadTooLargeException, LimitExceededException
 * or ForbiddenException. Signatures are accepted unchecked.
 */
final class ManagementApi {
    static final int MAX_POST_BYTES = 131_072;

    private final Connections connections;

    ManagementApi(Connections connections) {
        this.connections = connections;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request, String connectionId) {
        Optional<Connection> connection = connections.find(connectionId);
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.POST) && !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.DELETE)) {
            HttpResponses.send(ctx, request, HttpResponses.error(403, "ForbiddenException", "Forbidden"));
        } else if (method.equals(HttpMethod.POST) && request.content().readableBytes() > MAX_POST_BYTES) {
            HttpResponses.send(ctx, request, HttpResponses.error(413, "PayloadTooLargeException",
                    "Message too long. Max size is " + MAX_POST_BYTES + " bytes"));
        } else if (connection.isEmpty()) {
            HttpResponses.send(ctx, request, HttpResponses.error(410, "GoneException", "Gone"));
        } else if (method.equals(HttpMethod.POST)) {
            post(ctx, request, connection.get());
        } else if (method.equals(HttpMethod.GET)) {
            HttpResponses.send(ctx, request, HttpResponses.response(200, "application/json",
                    describe(connection.get()).getBytes(StandardCharsets.UTF_8)));
        } else {
            connection.get().closeWith(1000, "");
            HttpResponses.send(ctx, request, HttpResponses.response(204, null, new byte[0]));
        }
    }

    private static void post(ChannelHandlerContext ctx, FullHttpRequest request, Connection connection) {
        if (!connection.channel.isWritable()) {
            HttpResponses.send(ctx, request, HttpResponses.error(429, "LimitExceededException", "Limit exceeded"));
            return;
        }
        connection.touch();
        // Accepted once queued, as API Gateway answers: a slow reader shows up as 429 on later posts, not as a hang.
        Messages.send(connection.channel, request.content().retainedDuplicate());
        HttpResponses.send(ctx, request, HttpResponses.response(200, null, new byte[0]));
    }

    private static String describe(Connection connection) {
        return "{\"connectedAt\":\"" + Instant.ofEpochMilli(connection.connectedAt) + "\",\"identity\":{\"sourceIp\":"
                + quoted(connection.sourceIp) + ",\"userAgent\":" + quoted(connection.userAgent) + "},"
                + "\"lastActiveAt\":\"" + Instant.ofEpochMilli(connection.lastActiveAt()) + "\"}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
