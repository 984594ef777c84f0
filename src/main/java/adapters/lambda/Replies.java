package adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.SubscriptionResult;

/** What Herald sends back down a socket in answer to a client request; every reply has a {@code type}. */
final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static String pong() {
        return JSON.createObjectNode().put("type", "pong").toString();
    }

    static String error(String reason, String message) {
        return JSON.createObjectNode().put("type", "error").put("reason", reason).put("message", message).toString();
    }

    static String of(SubscriptionResult result) {
        ObjectNode reply = JSON.createObjectNode();
        if (result instanceof SubscriptionResult.Subscribed subscribed) {
            return reply.put("type", "subscribed").put("claimId", subscribed.claim().value()).toString();
        }
        if (result instanceof SubscriptionResult.Unsubscribed unsubscribed) {
            return reply.put("type", "unsubscribed").put("claimId", unsubscribed.claim().value()).toString();
        }
        SubscriptionResult.Refused refused = (SubscriptionResult.Refused) result;
        return reply.put("type", "error").put("reason", refused.reason().name())
                .put("message", refused.reason().meaning()).put("claimId", refused.claim().value()).toString();
    }
}
