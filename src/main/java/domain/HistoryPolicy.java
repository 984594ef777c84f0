package domain;

import java.time.Duration;

/**
 * How long each target's history is kept and how a resume reads it.
 *
 * @param retention how long an entry is kept; zero turns history, and resume, off
 * @param margin    how far before a client's last position a resume starts: longer than any Notifier takes from
 *                  appending an entry to its last push (the function's timeout) plus clock skew between Notifiers,
 *                  so an entry stamped early but pushed late is still replayed; the client drops what it has seen
 * @param cap       the most entries one resume replays per target; a longer gap is incomplete
 */
public record HistoryPolicy(Duration retention, Duration margin, int cap) {
    /** 24 hours; a minute (the Notifier's timeout is 30 s); 100 entries. */
    public static final HistoryPolicy DEFAULT = new HistoryPolicy(Duration.ofHours(24), Duration.ofMinutes(1), 100);
    public static final HistoryPolicy OFF = new HistoryPolicy(Duration.ZERO, Duration.ofMinutes(1), 100);

    public HistoryPolicy {
        if (retention == null || retention.isNegative() || margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("the retention and the margin cannot be negative");
        }
        if (cap < 1) {
            throw new IllegalArgumentException("a resume must be able to replay at least one entry");
        }
    }

    public boolean isOn() {
        return !retention.isZero();
    }
}
