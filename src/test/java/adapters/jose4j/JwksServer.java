package adapters.jose4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on loopback that counts its fetches and can publish a rotated key set. */
final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String jwks;

    private JwksServer(String jwks) throws IOException {
        this.jwks = jwks;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", this::serve);
        server.start();
    }

    static JwksServer serving(String jwks) throws IOException {
        return new JwksServer(jwks);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    int fetches() {
        return fetches.get();
    }

    void publish(String rotated) {
        jwks = rotated;
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
