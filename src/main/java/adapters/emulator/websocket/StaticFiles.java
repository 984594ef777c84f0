package adapters.emulator.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Serves a classpath directory under {@code /} (a test page), {@code index.html} for {@code /}; 404 otherwise. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final String directory;

    StaticFiles(String directory) {
        this.directory = directory == null ? null : directory.replaceAll("^/+|/+$", "");
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        byte[] body = request.method().equals(HttpMethod.GET) ? read(path.equals("/") ? "/index.html" : path) : null;
        if (body == null) {
            HttpResponses.send(ctx, request, HttpResponses.response(404, "application/json",
                    "{\"message\":\"Not Found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        HttpResponses.send(ctx, request, HttpResponses.response(200,
                TYPES.getOrDefault(path.equals("/") ? "html" : extension, "application/octet-stream"), body));
    }

    private byte[] read(String path) {
        if (directory == null || path.contains("..")) {
            return null;
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(directory + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
