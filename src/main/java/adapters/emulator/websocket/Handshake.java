package adapters.emulator.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade, held while {@code $connect} runs: a non-2xx answer refuses it with that status and body; a 2xx one
 * completes it, echoing the {@code Sec-WebSocket-Protocol} the function returned.
 */
final class Handshake {
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(EmulatorSettings.MAX_FRAME_BYTES).allowExtensions(false)
            .closeOnProtocolViolation(true).build();
    private static final String PROTOCOL = "Sec-WebSocket-Protocol";

    private final EmulatorState gateway;
    private final FrameHandler frames;

    Handshake(EmulatorState gateway, FrameHandler frames) {
        this.gateway = gateway;
        this.frames = frames;
    }

    void start(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (factory(null).newHandshaker(request) == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        Channel channel = ctx.channel();
        HandshakeRequest upgrade = HandshakeRequest.of(request, (InetSocketAddress) channel.remoteAddress(),
                ((InetSocketAddress) channel.localAddress()).getPort());
        Connection connection = new Connection(Ids.next(), channel, upgrade.sourceIp(), upgrade.header("User-Agent"),
                upgrade.header("Host"));
        channel.config().setAutoRead(false);
        request.retain();
        CompletableFuture<Outcome> outcome = gateway.routes().route(Route.CONNECT)
                .map(route -> gateway.invocations().invoke(route, gateway.events().connect(connection, upgrade)))
                .orElseGet(() -> CompletableFuture.completedFuture(new Outcome(Outcome.Kind.ANSWERED, null, null)));
        outcome.thenAccept(o -> channel.eventLoop().execute(() -> {
            try {
                finish(ctx, request, upgrade, connection, o);
            } finally {
                request.release();
            }
        }));
    }

    private void finish(ChannelHandlerContext ctx, FullHttpRequest request, HandshakeRequest upgrade,
            Connection connection, Outcome outcome) {
        if (outcome.status() / 100 != 2) {
            refuse(ctx, outcome.status(), outcome.body() == null ? "" : outcome.body());
        } else if (upgrade.header(PROTOCOL) != null && outcome.header(PROTOCOL) == null) {
            // On AWS the 101 goes out without the header and the browser aborts; refusing makes every client fail alike.
            refuse(ctx, 400, "The client offered " + PROTOCOL + " " + upgrade.header(PROTOCOL)
                    + " but $connect returned none, so API Gateway's handshake fails");
            gateway.disconnects().closed(connection);
        } else if (!ctx.channel().isActive()) {
            gateway.disconnects().closed(connection);
        } else {
            upgrade(ctx, request, connection, outcome.header(PROTOCOL));
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Connection connection, String protocol) {
        Channel channel = ctx.channel();
        WebSocketServerHandshaker handshaker = factory(protocol).newHandshaker(request);
        handshaker.handshake(channel, request).addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) {
                channel.close();
                gateway.disconnects().closed(connection);
                return;
            }
            opened(ctx, connection);
        });
    }

    private void opened(ChannelHandlerContext ctx, Connection connection) {
        Channel channel = ctx.channel();
        EmulatorSettings settings = gateway.settings();
        channel.attr(Connection.KEY).set(connection);
        gateway.connections().add(connection);
        ChannelPipeline pipeline = channel.pipeline();
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

    private static void refuse(ChannelHandlerContext ctx, int status, String body) {
        ctx.writeAndFlush(HttpResponses.response(status, "text/plain; charset=UTF-8",
                body.getBytes(StandardCharsets.UTF_8))).addListener(ChannelFutureListener.CLOSE);
    }

    private WebSocketServerHandshakerFactory factory(String protocol) {
        return new WebSocketServerHandshakerFactory("ws://localhost/" + gateway.settings().stage(), protocol, DECODER);
    }
}
