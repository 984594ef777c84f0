package adapters.localstack;

import adapters.emulator.queue.LocalQueues;
import adapters.emulator.websocket.ApiGatewayEmulator;
import adapters.emulator.websocket.HttpExtension;
import adapters.jose4j.LocalDevKeys;
import adapters.sqs.SqsModule;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stack's development endpoints, for the test page and scripts: {@code POST /dev/token} mints a token
 * with the local development key, {@code POST /dev/notifications} sends a notification through the producer
 * library, {@code GET /dev/connections} lists the gateway's open connections, {@code GET /dev/stats} answers the
 * stack's footprint after a full GC, or without one with {@code ?gc=no} ({@link DevStats}). Only {@code herald local}
 * serves them; nothing like them exists on AWS.
 */
final class DevEndpoints implements HttpExtension, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevTokens tokens;
    private final DevNotifications notifications;
    private final Supplier<List<ApiGatewayEmulator.OpenConnection>> connections;
    private final DevStats stats;
    private final SqsClient sqs;

    DevEndpoints(DevTokens tokens, DevNotifications notifications,
                 Supplier<List<ApiGatewayEmulator.OpenConnection>> connections, SqsClient sqs) {
        this.tokens = tokens;
        this.notifications = notifications;
        this.connections = connections;
        this.stats = new DevStats(() -> connections.get().size());
        this.sqs = sqs;
    }

    /** Tokens from the local development key; notifications to the local outbound queue, as a producer sends them. */
    static DevEndpoints create(LocalQueues queues, Supplier<List<ApiGatewayEmulator.OpenConnection>> connections) {
        SqsSettings outbound = new SqsSettings(queues.queueUrl(), Optional.of(queues.endpoint()), queues.region());
        SqsClient sqs = SqsModule.sqsClient(outbound);
        SqsNotificationPublisher publisher = SqsNotificationPublisher.create(sqs, outbound);
        return new DevEndpoints(new DevTokens(LocalDevKeys.minter(Clock.systemUTC())),
                new DevNotifications(publisher), connections, sqs);
    }

    @Override
    public void close() {
        sqs.close();
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith("/dev/");
    }

    @Override
    public Answer answer(String method, String path, String body) {
        return answer(method, path, Map.of(), body);
    }

    @Override
    public Answer answer(String method, String path, Map<String, List<String>> query, String body) {
        return switch (path) {
            case "/dev/token" -> post(method, body, tokens::mint);
            case "/dev/notifications" -> post(method, body, notifications::send);
            case "/dev/connections" -> method.equals("GET") ? new Answer(200, connectionList()) : notAllowed("GET");
            case "/dev/stats" -> method.equals("GET") ? stats(query.getOrDefault("gc", List.of())) : notAllowed("GET");
            default -> new Answer(404, message("no such development endpoint; there are POST /dev/token,"
                    + " POST /dev/notifications, GET /dev/connections and GET /dev/stats"));
        };
    }

    private static Answer post(String method, String body, Function<JsonNode, JsonNode> endpoint) {
        if (!method.equals("POST")) {
            return notAllowed("POST");
        }
        try {
            JsonNode request = JSON.readTree(body.isBlank() ? "{}" : body);
            if (!request.isObject()) {
                return new Answer(400, message("send a JSON object"));
            }
            return new Answer(200, endpoint.apply(request).toString());
        } catch (JsonProcessingException e) {
            return new Answer(400, message("the body is not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            return new Answer(400, message(e.getMessage()));
        } catch (SdkException e) {
            return new Answer(502, message("the local queue did not take the message: " + e.getMessage()));
        }
    }

    /** A full GC first, unless {@code ?gc=no}. */
    private Answer stats(List<String> gc) {
        if (gc.isEmpty() || gc.equals(List.of("no"))) {
            return new Answer(200, stats.json(gc.isEmpty()));
        }
        return new Answer(400, message("gc takes one value, no, which skips the full GC: /dev/stats?gc=no"));
    }

    private String connectionList() {
        ArrayNode list = JSON.createArrayNode();
        connections.get().forEach(open -> list.addObject().put("connectionId", open.connectionId())
                .put("connectedAt", open.connectedAt().toString()).put("userAgent", open.userAgent()));
        return JSON.createObjectNode().set("connections", list).toString();
    }

    private static Answer notAllowed(String allowed) {
        return new Answer(405, message("use " + allowed));
    }

    static String message(String text) {
        return JSON.createObjectNode().put("message", text).toString();
    }
}
