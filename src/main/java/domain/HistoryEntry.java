package domain;

import java.time.Instant;

/**
 * One notification in its target's history.
 *
 * @param event     the event as it was pushed: the producer's, with its position as an extension attribute
 * @param expiresAt when the history lets it go (the retention window after it was appended)
 */
public record HistoryEntry(Target target, Position position, String notificationId, String event, Instant expiresAt) {

    public HistoryEntry {
        if (target == null || position == null || notificationId == null || event == null || expiresAt == null) {
            throw new IllegalArgumentException("a history entry needs a target, a position, an id, the event and its expiry");
        }
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
