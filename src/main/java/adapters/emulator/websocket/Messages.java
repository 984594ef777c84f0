package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
     * RFC 6455 section 8.1, or the client fails the connection); the future fails if the connection is gone.
     */
    static ChannelFuture send(Channel channel, byte[] data) {
        boolean text = isUtf8(data);
        int frame = EmulatorSettings.MAX_FRAME_BYTES;
        if (data.length <= frame) {
            ByteBuf whole = Unpooled.wrappedBuffer(data);
            return channel.writeAndFlush(text ? new TextWebSocketFrame(whole) : new BinaryWebSocketFrame(whole));
        }
        ByteBuf first = Unpooled.wrappedBuffer(data, 0, frame);
        channel.write(text ? new TextWebSocketFrame(false, 0, first) : new BinaryWebSocketFrame(false, 0, first));
        int offset = frame;
        for (; data.length - offset > frame; offset += frame) {
            channel.write(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(data, offset, frame)));
        }
        ByteBuf last = Unpooled.wrappedBuffer(data, offset, data.length - offset);
        return channel.writeAndFlush(new ContinuationWebSocketFrame(true, 0, last));
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
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
        send(connection.channel, message.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String message, Connection connection, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connection.id + "\", \"requestId\":\""
                + requestId + "\"}";
    }
}
