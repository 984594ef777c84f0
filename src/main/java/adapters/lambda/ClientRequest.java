package adapters.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.ClaimId;
import java.util.Optional;

/**
 * A message a browser sends on its socket: {@code {"action":"subscribe","claimId":"C-1"}},
 * {@code unsubscribe} likewise, or {@code {"action":"ping"}}. Anything else is a {@link Invalid}
 * with a reason to send back.
 */
sealed interface ClientRequest {
    ObjectMapper JSON = new ObjectMapper();

    record Subscribe(ClaimId claim) implements ClientRequest {
    }

    record Unsubscribe(ClaimId claim) implements ClientRequest {
    }

    record Ping() implements ClientRequest {
    }

    record Invalid(String reason, String message) implements ClientRequest {
    }

    static ClientRequest parse(String body) {
        JsonNode json;
        try {
            json = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new Invalid("NOT_JSON", "send a JSON object such as {\"action\":\"subscribe\",\"claimId\":\"C-1\"}");
        }
        String action = json.path("action").asText("");
        return switch (action) {
            case "ping" -> new Ping();
            case "subscribe", "unsubscribe" -> claimOf(json)
                    .<ClientRequest>map(claim -> action.equals("subscribe") ? new Subscribe(claim) : new Unsubscribe(claim))
                    .orElseGet(() -> new Invalid("MISSING_CLAIM_ID", "'" + action + "' needs a non-empty string 'claimId'"));
            default -> new Invalid("UNKNOWN_ACTION", "'action' must be one of subscribe, unsubscribe, ping");
        };
    }

    private static Optional<ClaimId> claimOf(JsonNode json) {
        JsonNode claim = json.get("claimId");
        if (claim == null || !claim.isTextual() || claim.asText().isBlank() || claim.asText().length() > 256) {
            return Optional.empty();
        }
        return Optional.of(ClaimId.of(claim.asText()));
    }
}
