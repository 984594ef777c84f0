package adapters.apigateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API Gateway's @connections API on loopback, answering as AWS does: POST 200 with no body, GET
 * 200 with the connection's JSON, DELETE 204; 410 {@code GoneException} for an unknown or closed
 * id, 413 {@code PayloadTooLargeException} over 131072 bytes, 403 for an unsigned request or a
 * path outside the stage. SigV4 signatures are required but not checked. Errors can be scripted
 * per connection, and the server records how many requests it ever served at once.
 */
final class ConnectionsServer implements AutoCloseable {
    static final int MAX_DATA_BYTES = 131_072;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Reply> forever = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final String stage;
    private volatile Duration latency = Duration.ZERO;

    private record Socket(Instant connectedAt, Queue<String> received) {
    }

    private ConnectionsServer(String stage) throws IOException {
        this.stage = stage;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static ConnectionsServer start(String stage) throws IOException {
        return new ConnectionsServer(stage);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage);
    }

    /** Opens a socket under a fresh id shaped like AWS's ({@code L0SM9cOFvHcCIhw=}). */
    String open() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().encodeToString(bytes) + "=";
        sockets.put(id, new Socket(Instant.now(), new ConcurrentLinkedQueue<>()));
        return id;
    }

    void close(String id) {
        sockets.remove(id);
    }

    List<String> received(String id) {
        Socket socket = sockets.get(id);
        return socket == null ? List.of() : List.copyOf(socket.received());
    }

    /** The next requests to this id get these replies, in order; later ones are answered normally. */
    void script(String id, Reply... replies) {
        scripts.computeIfAbsent(id, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    /** Every request to this id gets this reply. */
    void always(String id, Reply reply) {
        forever.put(id, reply);
    }

    /** Every normal answer waits this long first, so that concurrent requests overlap. */
    void slowDown(Duration latency) {
        this.latency = latency;
    }

    int requestsTo(String id) {
        AtomicInteger count = requests.get(id);
        return count == null ? 0 : count.get();
    }

    int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * The request stops counting as in flight just before its answer is written: once written,
     * the client may send its next request before this handler has returned.
     */
    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Answer answer = null;
        try (exchange) {
            answer = route(exchange);
            inFlight.decrementAndGet();
            answer.writeTo(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (answer == null) {
                inFlight.decrementAndGet();
            }
        }
    }

    private Answer route(HttpExchange exchange) throws IOException, InterruptedException {
        String prefix = "/" + stage + "/@connections/";
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!path.startsWith(prefix) || auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
            return Answer.MISSING_AUTHENTICATION_TOKEN;
        }
        String id = path.substring(prefix.length());
        requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Reply scripted = nextScripted(id);
        if (scripted == Reply.HANG) {
            stopping.await();
            throw new InterruptedException("server stopped");
        } else if (scripted != null) {
            return Answer.error(scripted.status, scripted.errorType, scripted.message);
        }
        Thread.sleep(latency.toMillis());
        return answer(exchange, id);
    }

    private Reply nextScripted(String id) {
        Deque<Reply> script = scripts.get(id);
        Reply next = script == null ? null : script.pollFirst();
        return next != null ? next : forever.get(id);
    }

    private Answer answer(HttpExchange exchange, String id) throws IOException {
        byte[] data = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        Socket socket = sockets.get(id);
        if (method.equals("POST") && data.length > MAX_DATA_BYTES) {
            return Answer.error(413, "PayloadTooLargeException", "\"Message too long\"");
        } else if (socket == null) {
            return Answer.error(410, "GoneException", "null");
        } else if (method.equals("POST")) {
            socket.received().add(new String(data, UTF_8));
            return Answer.empty(200);
        } else if (method.equals("GET")) {
            String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
            return Answer.json(200, Answer.connection(socket.connectedAt(), sourceIp));
        } else if (method.equals("DELETE")) {
            sockets.remove(id);
            return Answer.empty(204);
        }
        return Answer.MISSING_AUTHENTICATION_TOKEN;
    }
}
