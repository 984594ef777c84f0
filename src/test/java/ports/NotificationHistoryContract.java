package ports;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ClaimId;
import domain.HistoryEntry;
import domain.Position;
import domain.Target;
import domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationHistory} must do. Each test writes under targets of its own, so a shared store needs
 * no reset between tests.
 */
public abstract class NotificationHistoryContract {
    protected static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);

    protected abstract NotificationHistory history();

    @Test
    void newestFrom_returnsTheEntriesAtOrAfterThePositionOldestFirst() {
        Target target = user();
        HistoryEntry first = entry(target, "n-1", NOW);
        HistoryEntry second = entry(target, "n-2", NOW.plusMillis(5));
        HistoryEntry third = entry(target, "n-3", NOW.plusSeconds(1));
        history().append(third);
        history().append(first);
        history().append(second);

        assertThat(history().newestFrom(target, first.position(), 10, NOW)).containsExactly(first, second, third);
        assertThat(history().newestFrom(target, Position.first(NOW.plusMillis(1)), 10, NOW)).containsExactly(second, third);
    }

    @Test
    void newestFrom_keepsTheNewestWhenThereAreMoreThanTheLimit() {
        Target target = claim();
        for (int i = 0; i < 5; i++) {
            history().append(entry(target, "n-" + i, NOW.plusMillis(i)));
        }

        assertThat(history().newestFrom(target, Position.first(NOW), 3, NOW))
                .extracting(HistoryEntry::notificationId).containsExactly("n-2", "n-3", "n-4");
    }

    @Test
    void entriesOfTheSameMillisecond_areAllKeptInPositionOrder() {
        Target target = user();
        HistoryEntry a = entry(target, "same-a", NOW);
        HistoryEntry b = entry(target, "same-b", NOW);
        history().append(a);
        history().append(b);

        List<HistoryEntry> found = history().newestFrom(target, Position.first(NOW), 10, NOW);

        assertThat(found).containsExactlyInAnyOrder(a, b);
        assertThat(found.get(0).position()).isLessThan(found.get(1).position());
    }

    @Test
    void anotherTargetsEntries_areNeverReturned() {
        Target mine = user();
        Target theirs = user();
        history().append(entry(theirs, "n-theirs", NOW));

        assertThat(history().newestFrom(mine, Position.first(NOW.minusSeconds(60)), 10, NOW)).isEmpty();
    }

    @Test
    void anExpiredEntry_isNotReturnedEvenBeforeTheStoreDropsIt() {
        Target target = claim();
        HistoryEntry old = entry(target, "n-old", NOW.minus(RETENTION).minusSeconds(1));
        HistoryEntry fresh = entry(target, "n-fresh", NOW.minusSeconds(1));
        history().append(old);
        history().append(fresh);

        assertThat(history().newestFrom(target, Position.first(NOW.minus(Duration.ofDays(2))), 10, NOW)).containsExactly(fresh);
    }

    @Test
    void appendingTheSamePositionAgain_changesNothing() {
        Target target = user();
        HistoryEntry entry = entry(target, "n-1", NOW);
        history().append(entry);
        history().append(entry);

        assertThat(history().newestFrom(target, Position.first(NOW), 10, NOW)).containsExactly(entry);
    }

    @Test
    void theEventIsKeptExactlyAsItWasPushed() {
        Target target = claim();
        String event = "{\"heraldposition\":\"x\",\"specversion\":\"1.0\",\"data\":{\"é\":\"\\u00e9 \uD83D\uDE00\"}}";
        HistoryEntry entry = new HistoryEntry(target, Position.of(NOW, "n-1", 1), "n-1", event, NOW.plus(RETENTION));
        history().append(entry);

        assertThat(history().newestFrom(target, Position.first(NOW), 1, NOW).get(0).event()).isEqualTo(event);
    }

    protected static HistoryEntry entry(Target target, String id, Instant appendedAt) {
        return new HistoryEntry(target, Position.of(appendedAt, id, 1), id, "{\"id\":\"" + id + "\"}", appendedAt.plus(RETENTION));
    }

    protected static Target user() {
        return Target.user(UserId.of("u-" + UUID.randomUUID()));
    }

    protected static Target claim() {
        return Target.claim(ClaimId.of("C-" + UUID.randomUUID()));
    }
}
