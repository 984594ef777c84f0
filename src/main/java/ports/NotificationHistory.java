package ports;

import domain.HistoryEntry;
import domain.Position;
import domain.Target;
import java.time.Instant;
import java.util.List;

/**
 * Each target's recent notifications, kept so that a client that reconnects can catch up on what it missed.
 *
 * <p>Every method throws {@link domain.HistoryUnavailableException} when the history cannot complete it.
 */
public interface NotificationHistory {

    /** Records the entry under its target and position until it expires; appending the same position again changes nothing. */
    void append(HistoryEntry entry);

    /** Returns, oldest first, the newest {@code limit} entries of the target at or after {@code from} that are live at {@code now}. */
    List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now);
}
