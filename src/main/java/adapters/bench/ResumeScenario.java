package adapters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A browser that was away while {@link BenchSettings#MISSED} notifications were sent to its user: it connects, learns
 * its position, leaves, the producer sends, and once the Notifier has handled them all it reconnects and resumes. The
 * time is from sending the resume to the last replayed frame, as the browser reads them.
 */
final class ResumeScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ResumeScenario() {
    }

    static Result run(Testbed bed, int rounds) throws IOException, InterruptedException {
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        long complete = 0;
        long replayed = 0;
        bed.fleet.begin("resuming");
        for (int round = 0; round < rounds; round++) {
            String user = bed.resumingUser(round);
            String position;
            try (Browser browser = Browser.connect(bed.settings.webSocket().toString(), bed.tokenOf(user))) {
                position = browser.request("{\"action\":\"resume\"}").get("position").asText();
            }
            bed.producer.sendToUser(user, BenchSettings.MISSED);
            bed.producer.awaitDrained(PATIENCE);
            try (Browser browser = Browser.connect(bed.settings.webSocket().toString(), bed.tokenOf(user))) {
                long start = System.nanoTime();
                browser.lastEventAt = start;
                JsonNode answer = browser.request("{\"action\":\"resume\",\"after\":\"" + position + "\"}");
                latency.recordValue(Math.max(1, browser.lastEventAt - start));
                complete += answer.path("complete").asBoolean() ? 1 : 0;
                replayed += answer.path("replayed").asLong();
            }
        }
        List<Row> rows = List.of(
                Row.of("resumes, each after " + BenchSettings.MISSED + " missed notifications", rounds, "resumes"),
                Row.of("resumes answered complete", complete, "resumes"),
                Row.of("replayed per resume", (double) replayed / Math.max(1, rounds), "events"),
                Row.of("resume request to last replayed frame p50", latency.getValueAtPercentile(50) / 1e6, "ms"),
                Row.of("resume request to last replayed frame p99", latency.getValueAtPercentile(99) / 1e6, "ms"));
        return new Result("resume", rows, Map.of("resume", latency));
    }

    /** One browser socket, read as the browser client reads it: events and answers in order. */
    private static final class Browser implements WebSocket.Listener, AutoCloseable {
        private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        long lastEventAt;

        static Browser connect(String uri, String token) {
            Browser browser = new Browser();
            browser.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("herald", token)
                    .buildAsync(URI.create(uri), browser).join();
            return browser;
        }

        /** Sends a request and returns its {@code resumed} answer, noting when each event before it arrived. */
        JsonNode request(String text) throws IOException, InterruptedException {
            socket.sendText(text, true).join();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                String message = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                JsonNode json = JSON.readTree(message);
                if ("resumed".equals(json.path("type").asText())) {
                    return json;
                }
                if ("error".equals(json.path("type").asText())) {
                    throw new IllegalStateException("the resume was refused: " + message);
                }
            }
            throw new IllegalStateException("no answer to " + text + " within " + PATIENCE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"heraldposition\"")) {
                    lastEventAt = System.nanoTime();
                }
                inbox.add(message);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
