package adapters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One client's reader: counts subscription acknowledgements and refusals, and records each notification that carries a send
 * stamp ({@code data.t}, the producer's {@code System.nanoTime()}; the bench runs producer and clients in one JVM)
 * into the fleet's current phase.
 */
final class FleetHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fleet fleet;
    private final int index;
    private Consumer<Boolean> handshake;

    FleetHandler(Fleet fleet, int index, Consumer<Boolean> handshake) {
        this.fleet = fleet;
        this.index = index;
        this.handshake = handshake;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            settle(true);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            settle(false);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        settle(false);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        settle(false); // a refused upgrade lands here; the bench counts it as a failed connect
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws IOException {
        long arrived = System.nanoTime();
        JsonNode message = JSON.readTree(frame.text());
        JsonNode stamp = message.path("data").path("t");
        if (stamp.isNumber()) {
            fleet.notifications.increment();
            fleet.phase().record(index, stamp.asLong(), arrived);
        } else if ("subscribed".equals(message.path("type").asText())) {
            fleet.acknowledged.increment();
        } else {
            fleet.refused.increment(); // an error reply, or the gateway's "Internal server error" when throttled
        }
    }

    private void settle(boolean opened) {
        if (handshake != null) {
            Consumer<Boolean> once = handshake;
            handshake = null;
            once.accept(opened);
        }
    }
}
