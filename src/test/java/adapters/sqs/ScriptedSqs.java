package adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers SendMessageBatch in SQS's JSON protocol with scripted entry
 * failures: the one way to make a real SDK client see the server-side failures ElasticMQ never has.
 */
final class ScriptedSqs implements AutoCloseable {
    record Failure(String code, boolean senderFault) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Map<String, Failure>> script;
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    /** Call n fails the entries named in the n-th map; every other entry, and every later call, succeeds. */
    ScriptedSqs(List<Map<String, Failure>> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The entry ids of each SendMessageBatch received, in order. */
    List<List<String>> calls() {
        return calls;
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        List<String> ids = new ArrayList<>();
        request.get("Entries").forEach(entry -> ids.add(entry.get("Id").asText()));
        Map<String, Failure> failures = calls.size() < script.size() ? script.get(calls.size()) : Map.of();
        calls.add(ids);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode successful = response.putArray("Successful");
        ArrayNode failed = response.putArray("Failed");
        for (String id : ids) {
            Failure failure = failures.get(id);
            if (failure == null) {
                successful.addObject().put("Id", id).put("MessageId", "scripted-" + calls.size() + "-" + id);
            } else {
                failed.addObject().put("Id", id).put("Code", failure.code()).put("Message", "scripted failure")
                        .put("SenderFault", failure.senderFault());
            }
        }
        byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
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
