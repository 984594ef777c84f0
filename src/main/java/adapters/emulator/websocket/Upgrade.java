package adapters.emulator.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Turns an accepted upgrade into an open connection: the 101, then the socket's new pipeline (32 KB frames joined
 * into messages of up to 128 KB, the idle timeout, the maximum duration) and {@code $disconnect} when it closes.
 */
final class Upgrade {
    // Violations are closed by FrameHandler, not by Netty: Netty's close can run $disconnect (through the close
    // future) before the violation's code is recorded, which reported 1006 for a frame over 32 KB.
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(EmulatorSettings.MAX_FRAME_BYTES).allowExtensions(false)
            .closeOnProtocolViolation(false).build();

    private final EmulatorState gateway;
    private final FrameHandler frames;

    Upgrade(EmulatorState gateway, FrameHandler frames) {
        this.gateway = gateway;
        this.frames = frames;
    }

    /** Sends the 101 naming {@code protocol} (or none); {@code refused} runs if Netty will not upgrade the request. */
    void complete(ChannelHandlerContext ctx, FullHttpRequest request, Connection connection, String protocol,
            Runnable refused) {
        Channel channel = ctx.channel();
        WebSocketServerHandshaker handshaker;
        try {
            handshaker = factory(protocol).newHandshaker(request);
        } catch (RuntimeException notAnUpgrade) {
            handshaker = null;
        }
        if (handshaker == null) {
            refused.run();
            return;
        }
        try {
            handshaker.handshake(channel, request).addListener((ChannelFutureListener) done -> {
                if (!done.isSuccess()) {
                    channel.close();
                    gateway.disconnects().closed(connection);
                    return;
                }
                opened(ctx, connection);
            });
        } catch (RuntimeException notAnUpgrade) {
            refused.run();
        }
    }

    private void opened(ChannelHandlerContext ctx, Connection connection) {
        Channel channel = ctx.channel();
        EmulatorSettings settings = gateway.settings();
        channel.attr(Connection.KEY).set(connection);
        gateway.connections().add(connection);
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(RequestDeadline.class) != null) {
            pipeline.remove(RequestDeadline.class);
        }
        // Text frames must be UTF-8 (RFC 6455 section 8.1): anything else closes with 1007.
        pipeline.addAfter(pipeline.context(WebSocketFrameDecoder.class).name(), "utf8", new Utf8FrameValidator(false));
        pipeline.replace(ctx.name(), "idle", new IdleStateHandler(0, 0,
                settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("aggregator", new WebSocketFrameAggregator(EmulatorSettings.MAX_MESSAGE_BYTES));
        pipeline.addLast("frames", frames);
        var maxDuration = channel.eventLoop().schedule(() -> connection.closeWith(1001, "Going away"),
                settings.maxConnectionDuration().toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> {
            maxDuration.cancel(false);
            gateway.disconnects().closed(connection);
        });
        channel.config().setAutoRead(true);
    }

    private WebSocketServerHandshakerFactory factory(String protocol) {
        return new WebSocketServerHandshakerFactory("ws://localhost/" + gateway.settings().stage(), protocol, DECODER);
    }
}
