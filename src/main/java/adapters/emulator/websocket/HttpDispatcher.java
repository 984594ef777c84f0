package adapters.emulator.websocket;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each HTTP request where it belongs: the stage's upgrade, its @connections API, a plugged-in extension, or the
 * static files.
 */
@ChannelHandler.Sharable
final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);
    private static final Pattern MANAGEMENT = Pattern.compile("^/([^/]+)/@connections/([^/]+)$");

    private final String stage;
    private final Handshake handshake;
    private final ManagementApi management;
    private final StaticFiles files;
    private final Extensions extensions;

    HttpDispatcher(String stage, Handshake handshake, ManagementApi management, StaticFiles files, Extensions extensions) {
        this.stage = stage;
        this.handshake = handshake;
        this.management = management;
        this.files = files;
        this.extensions = extensions;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            malformed(ctx, request.decoderResult().cause());
            return;
        }
        if (request.uri().length() > EmulatorSettings.MAX_URL_CHARS) {
            HttpResponses.sendAndClose(ctx, HttpResponses.error(414, "BadRequestException",
                    "Request-URI Too Long: API Gateway takes at most " + EmulatorSettings.MAX_URL_CHARS + " characters"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        Matcher management = MANAGEMENT.matcher(path);
        if (isStage(path) && isUpgrade(request)) {
            handshake.start(ctx, request);
        } else if (management.matches()) {
            manage(ctx, request, management);
        } else if (isUpgrade(request) || isStage(path)) {
            HttpResponses.send(ctx, request, HttpResponses.error(isUpgrade(request) ? 403 : 426,
                    "ForbiddenException", isUpgrade(request) ? "Forbidden" : "Upgrade Required"));
        } else if (extensions.handles(path)) {
            extensions.handle(ctx, request, path);
        } else {
            files.handle(ctx, request, path);
        }
    }

    /** A client that vanished mid-request, or one Netty could not read: nothing to answer, only to close. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException) && !(cause instanceof PrematureChannelClosureException)) {
            LOG.warn("request from {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /** Netty's decoder gave up on the request; it reads nothing more from this socket, so the answer closes it. */
    private static void malformed(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            HttpResponses.sendAndClose(ctx, HttpResponses.error(414, "BadRequestException", "Request-URI Too Long"));
        } else if (cause instanceof TooLongHttpHeaderException) {
            HttpResponses.sendAndClose(ctx, HttpResponses.error(431, "BadRequestException",
                    "Request Header Fields Too Large: at most " + EmulatorSettings.MAX_HEADER_BYTES + " bytes"));
        } else {
            HttpResponses.sendAndClose(ctx, HttpResponses.error(400, "BadRequestException", "Bad Request"));
        }
    }

    private void manage(ChannelHandlerContext ctx, FullHttpRequest request, Matcher path) {
        if (path.group(1).equals(stage)) {
            this.management.handle(ctx, request, path.group(2));
        } else {
            HttpResponses.send(ctx, request, HttpResponses.error(403, "ForbiddenException", "Forbidden"));
        }
    }

    private boolean isStage(String path) {
        return path.equals("/" + stage) || path.equals("/" + stage + "/");
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }
}
