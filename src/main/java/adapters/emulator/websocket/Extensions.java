package adapters.emulator.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link HttpExtension} off the event loop (it may call other services) and writes its answer back, for the
 * clients its {@link ExtensionGuard} lets through.
 */
final class Extensions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);

    private final HttpExtension extension;
    private final ExtensionGuard guard;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "http-extension");
        thread.setDaemon(true);
        return thread;
    });

    Extensions(HttpExtension extension, ExtensionGuard guard) {
        this.extension = extension;
        this.guard = guard;
    }

    boolean handles(String path) {
        return extension.handles(path);
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        Optional<String> refusal = guard.refusal((InetSocketAddress) ctx.channel().remoteAddress(),
                (InetSocketAddress) ctx.channel().localAddress(), request.headers().get(HttpHeaderNames.ORIGIN));
        if (refusal.isPresent()) {
            HttpResponses.send(ctx, request, HttpResponses.error(403, "ForbiddenException", refusal.get()));
            return;
        }
        String method = request.method().name();
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        String body = request.content().toString(StandardCharsets.UTF_8);
        // The request is released when the batchDelivery returns; keep only its headers for keep-alive.
        HttpHeaders headers = request.headers().copy();
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
        pool.execute(() -> {
            HttpExtension.Answer answer = answer(method, path, query, body);
            ctx.executor().execute(() -> HttpResponses.send(ctx, head, HttpResponses.response(answer.status(),
                    "application/json", answer.json().getBytes(StandardCharsets.UTF_8))));
        });
    }

    private HttpExtension.Answer answer(String method, String path, Map<String, List<String>> query, String body) {
        try {
            return extension.answer(method, path, query, body);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            return new HttpExtension.Answer(500, "{\"message\":\"Internal server error\"}");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
