package domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One event a background job wants a user to see: a CloudEvents 1.0 event with exactly one target.
 *
 * @param payload the event as the producer encoded it; this is what browsers receive
 */
public record Notification(
        String id,
        String source,
        String type,
        Optional<Instant> time,
        Target target,
        String payload) {

    /** API Gateway refuses a @connections message over 128 KB. */
    public static final int MAX_PAYLOAD_BYTES = 131_072;
    /** What a producer may send: the @connections limit less the room its history position takes. */
    public static final int MAX_EVENT_BYTES = MAX_PAYLOAD_BYTES - Position.ATTRIBUTE_BYTES;

    public Notification {
        if (id == null || source == null || type == null || time == null || target == null || payload == null) {
            throw new IllegalArgumentException("a notification needs an id, a source, a type, a target and a payload");
        }
    }

    /**
     * The notification as it is pushed once recorded: the producer's event, byte for byte, with its position added as
     * the first extension attribute.
     */
    public Notification at(Position position) {
        int brace = payload.indexOf('{');
        if (brace < 0) {
            throw new IllegalStateException("notification " + id + " is not a JSON object");
        }
        String rest = payload.substring(brace + 1);
        String attribute = "\"" + Position.ATTRIBUTE + "\":\"" + position.text() + "\"";
        String separator = rest.strip().startsWith("}") ? "" : ",";
        return new Notification(id, source, type, time, target, payload.substring(0, brace + 1) + attribute + separator + rest);
    }
}
