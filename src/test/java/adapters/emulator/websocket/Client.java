package adapters.emulator.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that queues the text messages it receives and remembers the close code it got. */
final class Client implements WebSocket.Listener {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean reading;
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    private Client(boolean reading) {
        this.reading = reading;
    }

    static Client open(URI uri, String... subprotocols) throws Exception {
        return open(uri, true, subprotocols);
    }

    /** A client that never reads after the handshake, so the server's outbound buffer fills up. */
    static Client stalled(URI uri) throws Exception {
        return open(uri, false);
    }

    private static Client open(URI uri, boolean reading, String... subprotocols) throws Exception {
        Client client = new Client(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().header("User-Agent", "herald-test");
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], List.of(subprotocols).subList(1, subprotocols.length)
                    .toArray(String[]::new));
        }
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    String nextMessage() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }

    int closeCode() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
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
        closed.complete(Connection.ABNORMAL);
    }
}
