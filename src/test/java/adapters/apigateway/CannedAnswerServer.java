package adapters.apigateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback HTTP server that gives every request, whatever its method and path, one canned answer, for what the
 * gateway ({@code testsupport.ConnectedClients}) never does: a 500, an answer that never comes, or holding requests
 * to see how many reach it at once. It is no @connections API: it keeps no connections and reads no request.
 */
final class CannedAnswerServer implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final CountDownLatch gate;
    private final int status;
    private final String errorType;
    private final HttpServer server;

    private CannedAnswerServer(int status, String errorType, boolean held) throws IOException {
        this.status = status;
        this.errorType = errorType;
        this.gate = new CountDownLatch(held ? 1 : 0);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers at once with this status and, unless null, an {@code x-amzn-ErrorType} the SDK reads. */
    static CannedAnswerServer answering(int status, String errorType) throws IOException {
        return new CannedAnswerServer(status, errorType, false);
    }

    /** Answers 200, but holds every request until {@link #release()}: without it, no answer ever comes. */
    static CannedAnswerServer holding() throws IOException {
        return new CannedAnswerServer(200, null, true);
    }

    /** A stage URL on this server. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod");
    }

    void release() {
        gate.countDown();
    }

    /** Waits until this many requests are held at once. */
    void awaitInFlight(int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (inFlight.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + count + " requests at once, only " + inFlight.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** The most requests it ever held or answered at once. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** A request stops counting just before its answer goes out: after that the client may send its next one. */
    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            gate.await();
            inFlight.decrementAndGet();
            exchange.getResponseHeaders().set("x-amzn-RequestId", "canned");
            if (errorType == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] message = "{\"message\":\"canned\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, message.length);
            exchange.getResponseBody().write(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
