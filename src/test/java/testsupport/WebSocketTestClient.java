package testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that offers the token as a subprotocol, as a browser would. */
public final class WebSocketTestClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static WebSocketTestClient connect(URI uri, String token) {
        WebSocketTestClient client = new WebSocketTestClient();
        client.socket = HTTP.newWebSocketBuilder().subprotocols("herald", token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client).join();
        return client;
    }

    /** Completes exceptionally when the upgrade is refused. */
    public static CompletableFuture<WebSocket> attempt(URI uri, String token) {
        return HTTP.newWebSocketBuilder().subprotocols("herald", token).buildAsync(uri, new WebSocketTestClient());
    }

    public String protocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Waits for the next message that matches, dropping the others; fails after the timeout. */
    public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String message = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
            if (message != null) {
                seen.add(message);
            }
        }
        throw new AssertionError("no matching message within " + timeout + "; saw " + seen);
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            inbox.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
