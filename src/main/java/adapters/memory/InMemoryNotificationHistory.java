package adapters.memory;

import domain.HistoryEntry;
import domain.Position;
import domain.Target;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import ports.NotificationHistory;

/**
 * Each target's history in memory, ordered by position like the DynamoDB table's sort key. Expired entries are
 * skipped by reads and dropped when their target is next appended to, as DynamoDB's TTL drops them some time later.
 */
@Singleton
public final class InMemoryNotificationHistory implements NotificationHistory {
    private final Map<Target, NavigableMap<Position, HistoryEntry>> byTarget = new ConcurrentHashMap<>();

    @Inject
    public InMemoryNotificationHistory() {
    }

    @Override
    public void append(HistoryEntry entry) {
        NavigableMap<Position, HistoryEntry> entries = byTarget.computeIfAbsent(entry.target(), target -> new ConcurrentSkipListMap<>());
        entries.putIfAbsent(entry.position(), entry);
        // Entries expire in position order (each is kept the same retention after its append), so the expired ones
        // are at the head: drop them there instead of scanning the whole history on every append.
        Instant appendedAt = entry.position().instant();
        for (Map.Entry<Position, HistoryEntry> oldest = entries.firstEntry();
             oldest != null && !oldest.getValue().isLiveAt(appendedAt); oldest = entries.firstEntry()) {
            entries.remove(oldest.getKey(), oldest.getValue());
        }
    }

    @Override
    public List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now) {
        NavigableMap<Position, HistoryEntry> entries = byTarget.get(target);
        if (entries == null || limit < 1) {
            return List.of();
        }
        Deque<HistoryEntry> newest = new ArrayDeque<>(limit);
        for (HistoryEntry entry : entries.tailMap(from, true).descendingMap().values()) {
            if (entry.isLiveAt(now)) {
                newest.addFirst(entry);
                if (newest.size() == limit) {
                    break;
                }
            }
        }
        return new ArrayList<>(newest);
    }

    /** Whether the target's history holds an entry at exactly that position, expired or not. */
    public boolean holds(Target target, Position position) {
        NavigableMap<Position, HistoryEntry> entries = byTarget.get(target);
        return entries != null && entries.containsKey(position);
    }

    /** How many entries are kept for all targets together, expired ones included. */
    public int size() {
        return byTarget.values().stream().mapToInt(Map::size).sum();
    }
}
