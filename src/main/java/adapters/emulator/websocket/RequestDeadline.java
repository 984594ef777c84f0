package adapters.emulator.websocket;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket that has not sent a whole request within the handshake timeout: from the moment it connects, and
 * again after each answer on a kept-alive connection. A read timeout would not do: a client that sends one byte a
 * second never lets it fire. Off while a request is being answered ({@code $connect} has its own integration
 * timeout); removed once the socket is a WebSocket, where the idle timeout takes over.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    private final long millis;
    private ScheduledFuture<?> timer;
    /** A whole request arrived and its answer is not written yet. */
    private boolean answering;
    /** The answer went out before the request's body had all arrived (a 413): the body is still being discarded. */
    private boolean answeredEarly;

    RequestDeadline(Duration timeout) {
        this.millis = timeout.toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof LastHttpContent && answeredEarly) {
            answeredEarly = false;
            arm(ctx);
        } else if (message instanceof LastHttpContent) {
            answering = true;
            disarm();
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        boolean answered = message instanceof LastHttpContent && !switchingProtocols(message);
        ctx.write(message, promise);
        if (answered && !answering) {
            answeredEarly = true;
        } else if (answered) {
            answering = false;
            promise.addListener((ChannelFutureListener) written -> {
                if (written.channel().isActive() && !ctx.isRemoved()) {
                    arm(ctx);
                }
            });
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        timer = ctx.executor().schedule(() -> ctx.channel().close(), millis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static boolean switchingProtocols(Object message) {
        return message instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    }
}
