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

    public Notification {
        if (id == null || source == null || type == null || time == null || target == null || payload == null) {
            throw new IllegalArgumentException("a notification needs an id, a source, a type, a target and a payload");
        }
    }
}
