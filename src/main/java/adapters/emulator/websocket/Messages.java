package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Messages in and out of connections: a message goes to its route, and what API Gateway would say back (a two-way
 * route's body, or its own error JSON) goes to the client, split into 32 KB frames as API Gateway sends them.
 */
final class Messages {
    private final EmulatorState gateway;

    Messages(EmulatorState gateway) {
        this.gateway = gateway;
    }

    void text(Connection connection, String body) {
        dispatch(connection, gateway.routes().forText(body), body);
    }

    /**
     * Sends data to the client as one message: text when it is UTF-8, binary otherwise (a text frame must be UTF-8,
     * RFC 6455 section 8.1, or the client fails the connection); the future fails if the connection is gone. Takes
     * ownership of {@code data}: the frames share its memory, and it is released once they are written.
     */
    static ChannelFuture send(Channel channel, ByteBuf data) {
        boolean text = ByteBufUtil.isText(data, StandardCharsets.UTF_8);
        int frame = EmulatorSettings.MAX_FRAME_BYTES;
        if (data.readableBytes() <= frame) {
            return channel.writeAndFlush(text ? new TextWebSocketFrame(data) : new BinaryWebSocketFrame(data));
        }
        try {
            channel.write(text ? new TextWebSocketFrame(false, 0, data.readRetainedSlice(frame))
                    : new BinaryWebSocketFrame(false, 0, data.readRetainedSlice(frame)));
            while (data.readableBytes() > frame) {
                channel.write(new ContinuationWebSocketFrame(false, 0, data.readRetainedSlice(frame)));
            }
            return channel.writeAndFlush(new ContinuationWebSocketFrame(true, 0,
                    data.readRetainedSlice(data.readableBytes())));
        } finally {
            data.release();
        }
    }

    private void dispatch(Connection connection, Optional<Route> route, String body) {
        if (route.isEmpty()) {
            // No matching route and no $default: API Gateway answers the client itself.
            reply(connection, error("Forbidden", connection, Ids.next()));
            return;
        }
        APIGatewayV2WebSocketEvent event = gateway.events().message(connection, route.get().routeKey(), body);
        gateway.invocations().invoke(route.get(), event).thenAccept(outcome -> answer(connection, route.get(), outcome));
    }

    private static void answer(Connection connection, Route route, Outcome outcome) {
        switch (outcome.kind()) {
            case FAILED: reply(connection, error("Internal server error", connection, outcome.requestId())); break;
            case TIMED_OUT: reply(connection, error("Endpoint request timed out", connection, outcome.requestId())); break;
            default:
                if (route.twoWay() && outcome.body() != null) {
                    reply(connection, outcome.body());
                }
        }
    }

    private static void reply(Connection connection, String message) {
        connection.touch();
        send(connection.channel, Unpooled.wrappedBuffer(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String error(String message, Connection connection, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connection.id + "\", \"requestId\":\""
                + requestId + "\"}";
    }
}
