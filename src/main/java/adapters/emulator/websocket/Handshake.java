package adapters.emulator.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The upgrade: refused before {@code $connect} runs unless it is a well-formed RFC 6455 opening handshake, then held
 * while {@code $connect} runs: a non-2xx answer refuses it with that status and body; a 2xx one completes it, echoing
 * the {@code Sec-WebSocket-Protocol} the function returned. Once {@code $connect} has accepted, every way the upgrade
 * can still fail runs {@code $disconnect}, so no record outlives its socket.
 */
final class Handshake {
    private static final String PROTOCOL = "Sec-WebSocket-Protocol";

    private final EmulatorState gateway;
    private final Upgrade upgrade;

    Handshake(EmulatorState gateway, Upgrade upgrade) {
        this.gateway = gateway;
        this.upgrade = upgrade;
    }

    void start(ChannelHandlerContext ctx, FullHttpRequest request) {
        Optional<OpeningHandshake.Refusal> malformed = OpeningHandshake.refusal(request);
        if (malformed.isPresent()) {
            refuse(ctx, malformed.get());
            return;
        }
        Channel channel = ctx.channel();
        HandshakeRequest requested = HandshakeRequest.of(request, (InetSocketAddress) channel.remoteAddress(),
                ((InetSocketAddress) channel.localAddress()).getPort());
        Connection connection = new Connection(Ids.next(), channel, requested.sourceIp(),
                requested.header("User-Agent"), requested.header("Host"));
        channel.config().setAutoRead(false);
        request.retain();
        CompletableFuture<Outcome> outcome = gateway.routes().route(Route.CONNECT)
                .map(route -> gateway.invocations().invoke(route, gateway.events().connect(connection, requested)))
                .orElseGet(() -> CompletableFuture.completedFuture(new Outcome(Outcome.Kind.ANSWERED, null, null)));
        outcome.thenAccept(o -> channel.eventLoop().execute(() -> {
            try {
                finish(ctx, request, requested, connection, o);
            } finally {
                request.release();
            }
        }));
    }

    private void finish(ChannelHandlerContext ctx, FullHttpRequest request, HandshakeRequest requested,
            Connection connection, Outcome outcome) {
        List<String> offered = requested.protocols(PROTOCOL);
        String chosen = outcome.header(PROTOCOL);
        if (outcome.status() / 100 != 2) {
            String type = Optional.ofNullable(outcome.header("Content-Type")).orElse("application/json");
            HttpResponses.sendAndClose(ctx, HttpResponses.response(outcome.status(), type,
                    (outcome.body() == null ? "" : outcome.body()).getBytes(StandardCharsets.UTF_8)));
        } else if (!offered.isEmpty() && chosen == null || chosen != null && !offered.contains(chosen)) {
            // On AWS the 101 goes out and the browser aborts; refusing makes every client fail alike. Neither value is
            // repeated here: a client may offer its token as a subprotocol.
            failAfterConnect(ctx, connection, new OpeningHandshake.Refusal(400, chosen == null
                    ? "Bad Request: the client offered a subprotocol and $connect chose none"
                    : "Bad Request: $connect chose a subprotocol the client did not offer"));
        } else if (!ctx.channel().isActive()) {
            gateway.disconnects().closed(connection);
        } else {
            upgrade.complete(ctx, request, connection, chosen, () -> failAfterConnect(ctx, connection,
                    new OpeningHandshake.Refusal(400, "Bad Request: the upgrade failed")));
        }
    }

    private void failAfterConnect(ChannelHandlerContext ctx, Connection connection, OpeningHandshake.Refusal refusal) {
        refuse(ctx, refusal);
        gateway.disconnects().closed(connection);
    }

    private static void refuse(ChannelHandlerContext ctx, OpeningHandshake.Refusal refusal) {
        FullHttpResponse response = HttpResponses.error(refusal.status(), "BadRequestException", refusal.message());
        if (refusal.status() == 426) {
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, OpeningHandshake.VERSION);
            response.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        }
        HttpResponses.sendAndClose(ctx, response);
    }
}
