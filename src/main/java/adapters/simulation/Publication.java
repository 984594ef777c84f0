package adapters.simulation;

import domain.ConnectionId;
import domain.Target;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One published notification: whom it was for, when it was sent and settled, and who received it. */
final class Publication {
    final String id;
    final String messageId;
    final Target target;
    final Instant publishedAt;
    final Set<ConnectionId> receivedBy = new HashSet<>();
    int deliveries;

    Publication(String id, String messageId, Target target, Instant publishedAt) {
        this.id = id;
        this.messageId = messageId;
        this.target = target;
        this.publishedAt = publishedAt;
    }
}
