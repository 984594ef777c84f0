package adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.Position;
import domain.ResumeResult;
import domain.SubscriptionResult;
import domain.Target;
import java.util.Optional;

/** What Herald sends back down a socket in answer to a client request; every reply has a {@code type}. */
final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PONG = JSON.createObjectNode().put("type", "pong").toString();

    private Replies() {
    }

    static String pong() {
        return PONG;
    }

    static String error(String reason, String message) {
        return JSON.createObjectNode().put("type", "error").put("reason", reason).put("message", message).toString();
    }

    static String of(SubscriptionResult result) {
        return of(result, Optional.empty());
    }

    /** A subscribe's answer; {@code position}, when given, is where the client resumes the claim from next time. */
    static String of(SubscriptionResult result, Optional<Position> position) {
        ObjectNode reply = JSON.createObjectNode();
        if (result instanceof SubscriptionResult.Subscribed subscribed) {
            reply.put("type", "subscribed").put("claimId", subscribed.claim().value());
            position.ifPresent(resumeFrom -> reply.put("position", resumeFrom.text()));
            return reply.toString();
        }
        if (result instanceof SubscriptionResult.Unsubscribed unsubscribed) {
            return reply.put("type", "unsubscribed").put("claimId", unsubscribed.claim().value()).toString();
        }
        SubscriptionResult.Refused refused = (SubscriptionResult.Refused) result;
        return reply.put("type", "error").put("reason", refused.reason().name())
                .put("message", refused.reason().meaning()).put("claimId", refused.claim().value()).toString();
    }

    /**
     * After a replay: {@code {"type":"resumed","target":"claim","claimId":"C-1","complete":true,"replayed":3,
     * "position":"..."}} (or {@code "target":"user"}), or an error naming the reason.
     */
    static String of(ResumeResult result) {
        ObjectNode reply = JSON.createObjectNode();
        if (result instanceof ResumeResult.Resumed resumed) {
            reply.put("type", "resumed");
            target(reply, resumed.target());
            return reply.put("complete", resumed.complete()).put("replayed", resumed.replayed())
                    .put("position", resumed.position().text()).toString();
        }
        ResumeResult.Refused refused = (ResumeResult.Refused) result;
        reply.put("type", "error").put("reason", refused.reason().name()).put("message", refused.reason().meaning());
        target(reply, refused.target());
        return reply.toString();
    }

    private static void target(ObjectNode reply, Target target) {
        if (target instanceof Target.Claim claim) {
            reply.put("target", "claim").put("claimId", claim.id().value());
        } else if (target instanceof Target.User) {
            reply.put("target", "user");
        }
    }
}
