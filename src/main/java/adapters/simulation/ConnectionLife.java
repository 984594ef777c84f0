package adapters.simulation;

import domain.ClaimId;
import domain.ConnectionId;
import domain.Principal;
import domain.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One accepted connection as its client saw it: when its socket was open and when it heard which claims. */
final class ConnectionLife {
    private record Interval(Instant from, Instant to) {
        boolean covers(Instant start, Instant end) {
            return from.isBefore(start) && (to == null || to.isAfter(end));
        }
    }

    final ConnectionId id;
    final Principal principal;
    final Instant openedAt;
    final Instant expiresAt;
    private Instant closedAt;
    private final Map<ClaimId, List<Interval>> subscriptions = new LinkedHashMap<>();
    private final List<ClaimId> current = new ArrayList<>();

    ConnectionLife(ConnectionId id, Principal principal, Instant openedAt, Instant expiresAt) {
        this.id = id;
        this.principal = principal;
        this.openedAt = openedAt;
        this.expiresAt = expiresAt;
    }

    void subscribed(ClaimId claim, Instant at) {
        if (!current.contains(claim)) {
            current.add(claim);
            subscriptions.computeIfAbsent(claim, c -> new ArrayList<>()).add(new Interval(at, null));
        }
    }

    void unsubscribed(ClaimId claim, Instant at) {
        if (current.remove(claim)) {
            List<Interval> intervals = subscriptions.get(claim);
            Interval open = intervals.remove(intervals.size() - 1);
            intervals.add(new Interval(open.from(), at));
        }
    }

    void closed(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    boolean isOpen() {
        return closedAt == null;
    }

    Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    List<ClaimId> currentSubscriptions() {
        return current;
    }

    Iterable<ClaimId> claimsEverHeard() {
        return subscriptions.keySet();
    }

    /**
     * Live, and hearing the target, for the whole time from {@code start} to {@code end}: it must
     * receive. The bounds are strict because events at the same simulated instant have no order
     * the invariants could rely on; the simulation advances time by at least 1 ms per step.
     */
    boolean mustHear(Target target, Instant start, Instant end) {
        boolean openThroughout = openedAt.isBefore(start) && (closedAt == null || closedAt.isAfter(end))
                && expiresAt.isAfter(end);
        if (!openThroughout) {
            return false;
        }
        if (target instanceof Target.User user) {
            return user.id().equals(principal.userId());
        }
        return subscriptions.getOrDefault(((Target.Claim) target).id(), List.of()).stream()
                .anyMatch(interval -> interval.covers(start, end));
    }
}
