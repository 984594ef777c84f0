package domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ports.ConnectionRepository;
import ports.NotificationHistory;
import ports.PushGateway;

/**
 * $default's resume: replays to a reconnected client, in order, what its target's history holds after the last
 * position the client saw, so that nothing is lost while a browser was away.
 *
 * <p>The replay starts a {@link HistoryPolicy#margin() margin} before that position, because several Notifiers run at
 * once and one may push an entry stamped before the client's position after the client dropped; the client drops the
 * ids it has already seen. A connection replays only targets its token entitles it to, as subscribe checks, so a
 * replay never crosses users.
 */
public final class ResumeService {
    private final ConnectionRepository connections;
    private final NotificationHistory history;
    private final PushGateway gateway;
    private final HistoryPolicy policy;
    private final Clock clock;

    public ResumeService(ConnectionRepository connections, NotificationHistory history, PushGateway gateway,
                         HistoryPolicy policy, Clock clock) {
        this.connections = connections;
        this.history = history;
        this.gateway = gateway;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Replays the target's entries after {@code after} to the caller, then says whether the replay was complete. With no
     * position (a client that has seen nothing of the target yet) nothing is replayed, and the answer gives the client
     * the position to resume from next time. Call it once the caller hears the target (after the subscribe), so that
     * what is appended from then on reaches the caller live.
     */
    public ResumeResult resume(ConnectionId caller, Target target, Optional<Position> after) {
        return resume(caller, Optional.of(target), after);
    }

    /**
     * Where a client that starts hearing a target now resumes from next time; it reads nothing, so a subscribe that
     * has just checked the caller's entitlement does not pay a second read for it.
     */
    public Position startingPoint() {
        return Position.first(clock.instant());
    }

    /** As {@link #resume(ConnectionId, Target, Optional)}, for the caller's own user, whom its token names. */
    public ResumeResult resumeOwnUser(ConnectionId caller, Optional<Position> after) {
        return resume(caller, Optional.empty(), after);
    }

    /** {@code asked} empty: the caller's own user, known once its record is read (null in a refusal before that). */
    private ResumeResult resume(ConnectionId caller, Optional<Target> asked, Optional<Position> after) {
        Instant now = clock.instant();
        Position resumeFrom = Position.first(now);
        Target target = asked.orElse(null);
        List<HistoryEntry> entries;
        try {
            Optional<Connection> connection = connections.find(caller).filter(found -> found.isLiveAt(now));
            if (connection.isEmpty()) {
                return new ResumeResult.Refused(target, ResumeRefusal.UNKNOWN_CONNECTION);
            }
            target = asked.orElse(Target.user(connection.get().userId()));
            if (!connection.get().principal().isEntitledTo(target)) {
                return new ResumeResult.Refused(target, ResumeRefusal.NOT_ENTITLED);
            }
            if (after.isEmpty()) {
                return new ResumeResult.Resumed(target, true, 0, resumeFrom);
            }
            if (!policy.isOn()) {
                return new ResumeResult.Resumed(target, false, 0, resumeFrom);
            }
            entries = history.newestFrom(target, Position.first(after.get().instant().minus(policy.margin())),
                    policy.cap() + 1, now);
        } catch (ConnectionRepositoryException | HistoryUnavailableException e) {
            return new ResumeResult.Refused(target, ResumeRefusal.UNAVAILABLE);
        }
        boolean overCap = entries.size() > policy.cap();
        List<HistoryEntry> replay = overCap ? entries.subList(1, entries.size()) : entries;
        int replayed = replay(caller, replay);
        boolean complete = !overCap && replayed == replay.size() && isWithinWindow(after.get(), now);
        return new ResumeResult.Resumed(target, complete, replayed, resumeFrom);
    }

    /** A position older than the retention window may have lost entries; one from the future was never issued. */
    private boolean isWithinWindow(Position after, Instant now) {
        Instant position = after.instant();
        return !position.isBefore(now.minus(policy.retention())) && !position.isAfter(now.plus(policy.margin()));
    }

    /** Pushes one entry after another, so they arrive in order; stops at the first that is not delivered. */
    private int replay(ConnectionId caller, List<HistoryEntry> entries) {
        int delivered = 0;
        for (HistoryEntry entry : entries) {
            PushResult result;
            try {
                result = gateway.push(caller, entry.event()).toCompletableFuture().join();
            } catch (RuntimeException e) {
                result = PushResult.FAILED;
            }
            if (result != PushResult.DELIVERED) {
                break;
            }
            delivered++;
        }
        return delivered;
    }
}
