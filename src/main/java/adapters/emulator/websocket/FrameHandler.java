package adapters.emulator.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole messages from an open connection (continuation frames already joined, up to 128 KB): text goes to its route,
 * binary closes the connection with 1003, a close frame records the client's code, idleness and oversized frames and
 * messages close as API Gateway does.
 */
@ChannelHandler.Sharable
final class FrameHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FrameHandler.class);

    private final Messages messages;

    FrameHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        Connection connection = ctx.channel().attr(Connection.KEY).get();
        try {
            if (frame instanceof TextWebSocketFrame text) {
                connection.touch();
                messages.text(connection, text.text());
            } else if (frame instanceof BinaryWebSocketFrame) {
                // API Gateway's documentation, "Binary media types for WebSocket APIs": rejected, closed with 1003.
                connection.closeWith(1003, "Binary frames are not supported");
            } else if (frame instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                closedByClient(ctx, connection, close);
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.channel().attr(Connection.KEY).get().closeWith(1001, "Going away");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Connection connection = ctx.channel().attr(Connection.KEY).get();
        if (cause instanceof CorruptedWebSocketFrameException violation) {
            // 1009 for a frame over 32 KB, 1007 for text that is not UTF-8, 1002 for other protocol errors.
            connection.closeWith(violation.closeStatus().code(), violation.closeStatus().reasonText());
        } else if (cause instanceof TooLongFrameException) {
            connection.closeWith(1009, "Message too big");
        } else {
            // A client that vanished, mid-message or not, is no failure of the gateway.
            if (!(cause instanceof IOException) && !(cause instanceof PrematureChannelClosureException)) {
                LOG.warn("connection {} failed", connection.id, cause);
            }
            ctx.close();
        }
    }

    private static void closedByClient(ChannelHandlerContext ctx, Connection connection, CloseWebSocketFrame close) {
        int code = close.statusCode();
        connection.closing(code == -1 ? 1005 : code, code == -1 ? "Client-side close frame status not set"
                : close.reasonText());
        CloseWebSocketFrame echo = code == -1 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
        ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
    }
}
