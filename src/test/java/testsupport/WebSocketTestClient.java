package testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The tests' WebSocket client: the JDK's, used as a browser uses one. It offers subprotocols (Herald's token travels
 * as one, after {@code herald}), sends text and binary, queues the text and binary messages it receives and remembers
 * the close code it got. A {@linkplain #stalled stalled} client reads nothing until {@link #resume()}, so the gateway's buffer for
 * it fills up. Every client says it is {@value #USER_AGENT}, so events and GET @connections can be checked.
 */
public final class WebSocketTestClient implements WebSocket.Listener, AutoCloseable {
    public static final String USER_AGENT = "herald-test";
    /** What a client reports when its connection ended without a close frame. */
    public static final int ABNORMAL = 1006;
    /** How long a wait may take before the test fails: generous, because the machine is shared. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> binaryInbox = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;
    private volatile WebSocket socket;

    private WebSocketTestClient(boolean reading) {
        this.reading = reading;
    }

    /** Connects, offering these subprotocols in order; throws a CompletionException if the upgrade is refused. */
    public static WebSocketTestClient connect(URI uri, String... subprotocols) {
        return attempt(uri, subprotocols).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** As {@link #connect}, leaving the outcome to the caller: a refused upgrade fails the future. */
    public static CompletableFuture<WebSocketTestClient> attempt(URI uri, String... subprotocols) {
        return open(uri, true, subprotocols);
    }

    /** A client that reads nothing after the handshake until {@link #resume()}. */
    public static WebSocketTestClient stalled(URI uri) {
        return open(uri, false).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static CompletableFuture<WebSocketTestClient> open(URI uri, boolean reading, String... subprotocols) {
        WebSocketTestClient client = new WebSocketTestClient(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().header("User-Agent", USER_AGENT)
                .connectTimeout(PATIENCE);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], List.of(subprotocols).subList(1, subprotocols.length)
                    .toArray(String[]::new));
        }
        return builder.buildAsync(uri, client).thenApply(socket -> {
            client.socket = socket;
            return client;
        });
    }

    /** The subprotocol the server chose, or an empty string. */
    public String protocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one frame of a text message; the last one ends the message. */
    public CompletableFuture<WebSocket> sendFragment(String text, boolean last) {
        return socket.sendText(text, last);
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** Starts reading what a {@linkplain #stalled stalled} client left in the gateway's buffer. */
    public void resume() {
        socket.request(1);
    }

    /** The next text message, waiting for it. */
    public String next() throws InterruptedException {
        String message = inbox.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + PATIENCE);
        }
        return message;
    }

    /** The next binary message, waiting for it. */
    public byte[] nextBinary() throws InterruptedException {
        byte[] message = binaryInbox.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no binary message within " + PATIENCE);
        }
        return message;
    }

    /** Takes messages until one matches, which it returns; fails after the timeout, naming the others. */
    public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        List<String> taken = takeThrough(wanted, timeout);
        return taken.get(taken.size() - 1);
    }

    /** Takes messages up to and including the first that matches, and returns those before it. */
    public List<String> takeUntil(Predicate<String> last) throws InterruptedException {
        List<String> taken = takeThrough(last, PATIENCE);
        return taken.subList(0, taken.size() - 1);
    }

    /** Takes messages up to and including the first that matches, and returns them all; fails after the timeout. */
    public List<String> takeThrough(Predicate<String> last, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> taken = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String message = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (message != null) {
                taken.add(message);
                if (last.test(message)) {
                    return taken;
                }
            }
        }
        throw new AssertionError("no matching message within " + timeout + "; saw " + taken);
    }

    /** Sends a close frame with this code and reason. */
    public void close(int code, String reason) {
        socket.sendClose(code, reason).join();
    }

    /** Drops the TCP connection without a close frame, as a client losing its network does. */
    public void drop() {
        socket.abort();
    }

    /** The close code the connection ended with ({@value #ABNORMAL} without a close frame), waiting for the end. */
    public int closeCode() throws Exception {
        return closed.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
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
            inbox.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        partialBinary.writeBytes(part);
        if (last) {
            binaryInbox.add(partialBinary.toByteArray());
            partialBinary.reset();
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
        closed.complete(ABNORMAL);
    }

    /** Closes normally, unless the connection is closed already. */
    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
