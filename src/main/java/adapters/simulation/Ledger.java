package adapters.simulation;

import domain.ConnectionId;
import domain.PushResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the simulation saw happen, kept to judge the invariants: evictions, GONE answers, a short trace. */
public final class Ledger {
    private static final int TRACE_LENGTH = 30;

    private final Clock clock;
    private final Instant start;
    private final Set<ConnectionId> removed = new HashSet<>();
    private final Set<ConnectionId> reportedGone = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private final Deque<String> trace = new ArrayDeque<>();
    private final Map<String, Settlement> settlements = new HashMap<>();

    /** When a message left the queue, and whether it left for the dead-letter queue. */
    record Settlement(Instant at, boolean deadLettered) {
    }

    public Ledger(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    void removed(ConnectionId id) {
        removed.add(id);
    }

    void pushing(ConnectionId id) {
        if (removed.contains(id)) {
            violation("pushed to " + id + " after its record was removed");
        }
    }

    void answered(ConnectionId id, PushResult result) {
        if (result == PushResult.GONE) {
            reportedGone.add(id);
        }
    }

    /** The first verdict that took a message off the queue is the one that counts; a duplicate's later verdict does not. */
    void settled(String messageId, boolean deadLettered) {
        settlements.putIfAbsent(messageId, new Settlement(clock.instant(), deadLettered));
    }

    void settled(String messageId, Instant at) {
        settlements.putIfAbsent(messageId, new Settlement(at, true));
    }

    Optional<Settlement> settlement(String messageId) {
        return Optional.ofNullable(settlements.get(messageId));
    }

    Set<ConnectionId> reportedGone() {
        return Set.copyOf(reportedGone);
    }

    void violation(String what) {
        if (violations.size() < 100) {
            violations.add(stamp() + " " + what);
        }
        note("VIOLATION " + what);
    }

    void note(String event) {
        if (trace.size() == TRACE_LENGTH) {
            trace.removeFirst();
        }
        trace.addLast(stamp() + " " + event);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<String> trace() {
        return List.copyOf(trace);
    }

    private String stamp() {
        Duration elapsed = Duration.between(start, clock.instant());
        return String.format("t=%.3fs", elapsed.toMillis() / 1000.0);
    }
}
