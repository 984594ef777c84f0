package domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A recorded WebSocket connection with the claims it subscribed to; it hears its own user implicitly. */
public record Connection(
        ConnectionId id,
        Principal principal,
        Instant connectedAt,
        Instant expiresAt,
        Set<ClaimId> subscriptions) {

    public Connection {
        if (id == null || principal == null || connectedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a connection needs an id, a principal, and its times");
        }
        subscriptions = Set.copyOf(subscriptions);
    }

    /** A new connection, expiring when API Gateway would close it plus the grace. */
    public static Connection open(ConnectionId id, Principal principal, Instant now, Limits limits) {
        return new Connection(id, principal, now, now.plus(limits.connectionLifetime()), Set.of());
    }

    public UserId userId() {
        return principal.userId();
    }

    /** DynamoDB's TTL deletes lazily, so a record past its expiry is treated as gone. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public Connection withSubscription(ClaimId claim) {
        Set<ClaimId> more = new HashSet<>(subscriptions);
        more.add(claim);
        return new Connection(id, principal, connectedAt, expiresAt, more);
    }

    public Connection withoutSubscription(ClaimId claim) {
        Set<ClaimId> fewer = new HashSet<>(subscriptions);
        fewer.remove(claim);
        return new Connection(id, principal, connectedAt, expiresAt, fewer);
    }

    public Recipient asRecipient() {
        return new Recipient(id, userId(), expiresAt);
    }
}
