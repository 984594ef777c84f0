package adapters.memory;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Recipient;
import domain.Target;
import domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.inject.Inject;
import javax.inject.Singleton;
import ports.ConnectionRepository;

/**
 * Connections in memory, indexed by user and by claim like the DynamoDB table's two indexes.
 * Insertion-ordered, so that the simulation replays identically from a seed. Expired records stay
 * until {@link #sweep(Instant)} removes them, as DynamoDB's TTL does.
 */
@Singleton
public final class InMemoryConnectionRepository implements ConnectionRepository {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<ConnectionId, Connection> connections = new LinkedHashMap<>();
    private final Map<UserId, Set<ConnectionId>> byUser = new LinkedHashMap<>();
    private final Map<ClaimId, Set<ConnectionId>> byClaim = new LinkedHashMap<>();

    @Inject
    public InMemoryConnectionRepository() {
    }

    @Override
    public void save(Connection connection) {
        write(() -> {
            removeLocked(connection.id());
            Connection fresh = new Connection(connection.id(), connection.principal(), connection.connectedAt(),
                    connection.expiresAt(), Set.of());
            connections.put(fresh.id(), fresh);
            byUser.computeIfAbsent(fresh.userId(), user -> new LinkedHashSet<>()).add(fresh.id());
        });
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(connections.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public boolean subscribe(ConnectionId id, ClaimId claim) {
        lock.writeLock().lock();
        try {
            Connection connection = connections.get(id);
            if (connection == null) {
                return false;
            }
            connections.put(id, connection.withSubscription(claim));
            byClaim.computeIfAbsent(claim, c -> new LinkedHashSet<>()).add(id);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void unsubscribe(ConnectionId id, ClaimId claim) {
        write(() -> {
            Connection connection = connections.get(id);
            if (connection != null) {
                connections.put(id, connection.withoutSubscription(claim));
            }
            removeFromIndex(byClaim, claim, id);
        });
    }

    @Override
    public void remove(ConnectionId id) {
        write(() -> removeLocked(id));
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        lock.readLock().lock();
        try {
            Set<ConnectionId> ids = target instanceof Target.User user
                    ? byUser.getOrDefault(user.id(), Set.of())
                    : byClaim.getOrDefault(((Target.Claim) target).id(), Set.of());
            List<Recipient> audience = new ArrayList<>(ids.size());
            ids.forEach(id -> audience.add(connections.get(id).asRecipient()));
            return audience;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every record whose expiry has passed, as DynamoDB's TTL would; returns how many. */
    public int sweep(Instant now) {
        lock.writeLock().lock();
        try {
            List<ConnectionId> expired = connections.values().stream()
                    .filter(connection -> !connection.isLiveAt(now))
                    .map(Connection::id)
                    .toList();
            expired.forEach(this::removeLocked);
            return expired.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of every record, expired ones included. */
    public List<Connection> all() {
        lock.readLock().lock();
        try {
            return List.copyOf(connections.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void removeLocked(ConnectionId id) {
        Connection gone = connections.remove(id);
        if (gone == null) {
            return;
        }
        removeFromIndex(byUser, gone.userId(), id);
        gone.subscriptions().forEach(claim -> removeFromIndex(byClaim, claim, id));
    }

    private static <K> void removeFromIndex(Map<K, Set<ConnectionId>> index, K key, ConnectionId id) {
        Set<ConnectionId> ids = index.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            index.remove(key);
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
