package adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.Notification;
import domain.NotificationDefect;
import domain.NotificationRules;
import domain.ParseResult;
import domain.Target;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Reads and writes notifications as CloudEvents 1.0 in the JSON event format (structured mode).
 * Decoding only turns JSON into plain values; every rule an event must pass is
 * {@link NotificationRules}', so producer and Notifier judge a message alike. Thread-safe.
 */
public final class CloudEventsCodec {
    /** Duplicate names are refused: parsers differ on which one wins, and a duplicated target must not be ambiguous. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final int MAX_DETAIL_LENGTH = 160;
    private static final String CONTENT_TYPE = "application/json";

    private final Clock clock;

    @Inject
    public CloudEventsCodec(Clock clock) {
        this.clock = clock;
    }

    /** The notification a queued body holds, or why it holds none; never throws. */
    public ParseResult decode(String body) {
        if (body == null) {
            return ParseResult.rejected(NotificationDefect.NOT_JSON, "the body is empty");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return ParseResult.rejected(NotificationDefect.NOT_JSON, truncate(e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            String found = tree == null ? "nothing" : tree.getNodeType().name().toLowerCase();
            return ParseResult.rejected(NotificationDefect.NOT_JSON, "expected a JSON object, got " + found);
        }
        return NotificationRules.validate(MAPPER.convertValue(tree, ATTRIBUTES), body);
    }

    /** The request as a CloudEvent's JSON text; throws {@link IllegalArgumentException} with the defect if it breaks a rule. */
    public String encode(NotificationRequest request) {
        return toNotification(request).payload();
    }

    /** The notification the Notifier will read from the request's event; throws like {@link #encode}. */
    public Notification toNotification(NotificationRequest request) {
        ParseResult result = decode(event(request).toString());
        if (result instanceof ParseResult.Rejected rejected) {
            throw new IllegalArgumentException("invalid notification: " + rejected.reason());
        }
        return ((ParseResult.Parsed) result).notification();
    }

    private ObjectNode event(NotificationRequest request) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", NotificationRules.SPEC_VERSION);
        event.put("id", request.id().orElseGet(() -> UUID.randomUUID().toString()));
        event.put("source", request.source());
        event.put("type", request.type());
        event.put("time", request.time().orElseGet(clock::instant).toString());
        if (request.target() instanceof Target.User user) {
            event.put(NotificationRules.USER_ATTRIBUTE, user.id().value());
        } else if (request.target() instanceof Target.Claim claim) {
            event.put(NotificationRules.CLAIM_ATTRIBUTE, claim.id().value());
        }
        if (request.data() != null) {
            event.put("datacontenttype", CONTENT_TYPE);
            event.set("data", data(request.data()));
        }
        return event;
    }

    private static JsonNode data(Object data) {
        if (!(data instanceof NotificationRequest.JsonText text)) {
            return MAPPER.valueToTree(data);
        }
        try {
            JsonNode tree = MAPPER.readTree(text.json());
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("invalid notification: the data's JSON text is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid notification: the data is not JSON: " + truncate(e.getOriginalMessage()), e);
        }
    }

    private static String truncate(String message) {
        String text = message == null ? "unreadable JSON" : message;
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
