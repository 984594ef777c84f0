package adapters.emulator.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Joins a request's body up to a bound and answers a larger one with 413 as the @connections API does
 * ({@code x-amzn-ErrorType: PayloadTooLargeException}, so the AWS SDK raises that exception): as soon as the
 * {@code Content-Length} says so, or once a chunked body passes the bound. The rest of such a body is read and thrown
 * away, never held, so the client gets to read the answer.
 */
final class BoundedBodies extends HttpObjectAggregator {
    BoundedBodies(int maxBytes) {
        super(maxBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // As Netty's own answer: keep the connection (discarding the body) only if the client may send another request.
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        FullHttpResponse tooLarge = tooLarge(close);
        ctx.writeAndFlush(tooLarge).addListener(close ? ChannelFutureListener.CLOSE
                : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof HttpResponse response && response.status().code() == 413) {
            ReferenceCountUtil.release(answer);
            return tooLarge(false);
        }
        return answer;
    }

    private FullHttpResponse tooLarge(boolean close) {
        FullHttpResponse response = HttpResponses.error(413, "PayloadTooLargeException",
                "Request body too large. Max size is " + maxContentLength() + " bytes");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, close ? HttpHeaderValues.CLOSE : HttpHeaderValues.KEEP_ALIVE);
        return response;
    }
}
