package adapters.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.ClaimId;
import domain.Position;
import java.util.Optional;

/**
 * A message a browser sends on its socket: {@code {"action":"subscribe","claimId":"C-1"}} (with {@code "after"}, the
 * last position it saw of the claim, to resume it too), {@code unsubscribe} likewise, {@code {"action":"resume"}}
 * (its user, or a claim with {@code "claimId"}; {@code "after"} as for subscribe) or {@code {"action":"ping"}}.
 * Anything else is an {@link Invalid} with a reason to send back.
 */
sealed interface ClientRequest {
    ObjectMapper JSON = new ObjectMapper();

    record Subscribe(ClaimId claim, Optional<Position> after) implements ClientRequest {
    }

    record Unsubscribe(ClaimId claim) implements ClientRequest {
    }

    /** {@code claim} empty: the caller's own user. */
    record Resume(Optional<ClaimId> claim, Optional<Position> after) implements ClientRequest {
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
        return parse(json);
    }

    private static ClientRequest parse(JsonNode json) {
        String action = json.path("action").asText("");
        if (json.has("after") && after(json).isEmpty()) {
            return new Invalid("BAD_POSITION", "'after' must be a position Herald sent in '" + Position.ATTRIBUTE
                    + "' or a reply's 'position', such as 0001764583200000-8c3a5e1f00d2b471");
        }
        return switch (action) {
            case "ping" -> new Ping();
            case "subscribe", "unsubscribe" -> claimOf(json)
                    .<ClientRequest>map(claim -> action.equals("subscribe") ? new Subscribe(claim, after(json)) : new Unsubscribe(claim))
                    .orElseGet(() -> new Invalid("MISSING_CLAIM_ID", "'" + action + "' needs a non-empty string 'claimId'"));
            case "resume" -> json.has("claimId") && claimOf(json).isEmpty()
                    ? new Invalid("MISSING_CLAIM_ID", "'resume' takes no 'claimId' (your user) or a non-empty string one")
                    : new Resume(claimOf(json), after(json));
            default -> new Invalid("UNKNOWN_ACTION", "'action' must be one of subscribe, unsubscribe, resume, ping");
        };
    }

    private static Optional<ClaimId> claimOf(JsonNode json) {
        JsonNode claim = json.get("claimId");
        if (claim == null || !claim.isTextual() || claim.asText().isBlank() || claim.asText().length() > 256) {
            return Optional.empty();
        }
        return Optional.of(ClaimId.of(claim.asText()));
    }

    private static Optional<Position> after(JsonNode json) {
        JsonNode after = json.get("after");
        return after != null && after.isTextual() ? Position.parse(after.asText()) : Optional.empty();
    }
}
