package domain;

import java.time.Clock;
import java.time.Instant;
import ports.NotificationHistory;

/**
 * Appends each notification to its target's history before it is fanned out, so that nothing reaches a browser
 * unrecorded, and stamps it with its position. Every delivery attempt appends anew, with a position of its own: an
 * attempt then pushes within one Notifier run of its position, which is what a resume's margin relies on; the client
 * drops the repeated id.
 */
public final class HistoryRecorder {
    private final NotificationHistory history;
    private final HistoryPolicy policy;
    private final Clock clock;

    public HistoryRecorder(NotificationHistory history, HistoryPolicy policy, Clock clock) {
        this.history = history;
        this.policy = policy;
        this.clock = clock;
    }

    /** A recorder for a deployment with history off: notifications go out as the producer sent them. */
    public static HistoryRecorder off() {
        return new HistoryRecorder(null, HistoryPolicy.OFF, Clock.systemUTC());
    }

    /**
     * Records the notification and returns it stamped with its position, or returns it unchanged when history is off.
     * Throws {@link HistoryUnavailableException} when it cannot be recorded; it must then not be fanned out.
     */
    public Notification record(Notification notification, int attempt) {
        if (!policy.isOn()) {
            return notification;
        }
        Instant now = clock.instant();
        Position position = Position.of(now, notification.id(), attempt);
        Notification stamped = notification.at(position);
        history.append(new HistoryEntry(notification.target(), position, notification.id(), stamped.payload(),
                now.plus(policy.retention())));
        return stamped;
    }
}
