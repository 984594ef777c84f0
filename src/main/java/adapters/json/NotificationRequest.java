package adapters.json;

import domain.ClaimId;
import domain.Target;
import domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a producer wants to say, before it becomes a CloudEvent: {@link CloudEventsCodec#encode}
 * fills in the id and time when they are absent and rejects a request that breaks the rules.
 *
 * <p>Nothing is checked here, so that a faulty request reaches the codec and fails there with the
 * same reason the Notifier would give.
 *
 * @param data any Jackson-serializable value, a {@link JsonText} to embed JSON text as it is, or null for none
 */
public record NotificationRequest(String type, String source, Target target, Object data,
                                  Optional<String> id, Optional<Instant> time) {

    /** JSON text to be embedded as the event's data rather than quoted as a string. */
    public record JsonText(String json) {
    }

    public NotificationRequest {
        id = id == null ? Optional.empty() : id;
        time = time == null ? Optional.empty() : time;
    }

    public static NotificationRequest toUser(String userId, String type, String source, Object data) {
        return new NotificationRequest(type, source, Target.user(UserId.of(userId)), data, Optional.empty(), Optional.empty());
    }

    public static NotificationRequest toClaim(String claimId, String type, String source, Object data) {
        return new NotificationRequest(type, source, Target.claim(ClaimId.of(claimId)), data, Optional.empty(), Optional.empty());
    }

    /** A fixed id makes a retried send recognisable as the same event to consumers that deduplicate. */
    public NotificationRequest withId(String newId) {
        return new NotificationRequest(type, source, target, data, Optional.of(newId), time);
    }

    public NotificationRequest withTime(Instant newTime) {
        return new NotificationRequest(type, source, target, data, id, Optional.of(newTime));
    }
}
