package adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import domain.HistoryEntry;
import domain.HistoryUnavailableException;
import domain.Position;
import domain.Target;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ports.NotificationHistory;
import ports.NotificationHistoryContract;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The port's contract, and what DynamoDB adds to it, against dynalite. */
class DynamoDbNotificationHistoryIT extends NotificationHistoryContract {
    private final LocalTable table = new LocalTable();
    private final OperationLog operations = new OperationLog();
    private final DynamoDbNotificationHistory history = new DynamoDbNotificationHistory(table.client(operations),
            LocalTable.history());

    @Override
    protected NotificationHistory history() {
        return history;
    }

    @AfterEach
    void neverScans() {
        table.close();
        assertThat(operations.operations()).doesNotContain("Scan");
    }

    @Test
    void append_isOnePutOfTheItemTheTemplateDeclares() {
        Target target = user();
        Instant expiresAt = NOW.plus(Duration.ofHours(24)).plusMillis(1);
        HistoryEntry entry = new HistoryEntry(target, Position.of(NOW, "n-1", 1), "n-1", "{\"id\":\"n-1\"}", expiresAt);

        history.append(entry);

        assertThat(operations.operations()).containsExactly("PutItem");
        assertThat(table.historyPartition(DynamoDbNotificationHistory.key(target))).singleElement().isEqualTo(Map.of(
                "target", AttributeValue.fromS(DynamoDbNotificationHistory.key(target)),
                "position", AttributeValue.fromS(entry.position().text()),
                "notificationId", AttributeValue.fromS("n-1"),
                "event", AttributeValue.fromS("{\"id\":\"n-1\"}"),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt.toEpochMilli())),
                // Rounded up: TTL must not delete the entry before it expires.
                "ttl", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond() + 1))));
    }

    @Test
    void aResume_isOneQueryWhetherTheHistoryHoldsFewerOrMoreEntriesThanTheLimit() {
        Target few = claim();
        Target many = claim();
        IntStream.range(0, 2).forEach(i -> history.append(entry(few, "n-" + i, NOW.plusMillis(i))));
        IntStream.range(0, 8).forEach(i -> history.append(entry(many, "n-" + i, NOW.plusMillis(i))));
        operations.clear();

        assertThat(history.newestFrom(few, Position.first(NOW), 5, NOW)).hasSize(2);
        assertThat(history.newestFrom(many, Position.first(NOW), 5, NOW)).hasSize(5);

        assertThat(operations.operations()).containsExactly("Query", "Query");
    }

    @Test
    void anExpiredItemThatTtlHasNotDeletedYet_isLeftOut() {
        Target target = user();
        HistoryEntry expired = new HistoryEntry(target, Position.of(NOW.minusSeconds(10), "n-expired", 1), "n-expired",
                "{}", NOW);
        HistoryEntry live = entry(target, "n-live", NOW.minusSeconds(5));
        history.append(expired);
        history.append(live);

        assertThat(table.historyPartition(DynamoDbNotificationHistory.key(target))).hasSize(2);
        assertThat(history.newestFrom(target, Position.first(NOW.minusSeconds(60)), 10, NOW)).containsExactly(live);
    }

    /**
     * DynamoDB applies Limit before the filter: when the newest entries have expired (the retention was shortened, so
     * older entries outlive newer ones), a page can come back empty with more to read.
     */
    @Test
    void givenExpiredEntriesFillingWholePages_newestFrom_readsOnUntilItHasTheLimit() {
        Target target = claim();
        Instant longAgo = NOW.minus(Duration.ofHours(3));
        List<HistoryEntry> live = IntStream.range(0, 3)
                .mapToObj(i -> entry(target, "n-live-" + i, longAgo.plusMillis(i))).toList();
        List<HistoryEntry> expired = IntStream.range(0, 4)
                .mapToObj(i -> new HistoryEntry(target, Position.of(NOW.minus(Duration.ofHours(2)).plusMillis(i), "n-gone-" + i, 1),
                        "n-gone-" + i, "{}", NOW.minus(Duration.ofHours(1))))
                .toList();
        live.forEach(history::append);
        expired.forEach(history::append);
        operations.clear();

        List<HistoryEntry> found = history.newestFrom(target, Position.first(longAgo), 2, NOW);

        assertThat(found).containsExactly(live.get(1), live.get(2));
        // Two pages of two expired entries each, then the page that fills the limit; none after it.
        assertThat(operations.operations()).containsExactly("Query", "Query", "Query");
    }

    @Test
    void anItemWithAMalformedPosition_surfacesAsHistoryUnavailable() {
        Target target = user();
        Map<String, AttributeValue> item = Map.of(
                "target", AttributeValue.fromS(DynamoDbNotificationHistory.key(target)),
                "position", AttributeValue.fromS("not-a-position"),
                "notificationId", AttributeValue.fromS("n-1"),
                "event", AttributeValue.fromS("{}"),
                "expiresAt", AttributeValue.fromN(Long.toString(NOW.plusSeconds(60).toEpochMilli())));
        table.client().putItem(put -> put.tableName(LocalTable.history().tableName()).item(item));

        assertThatThrownBy(() -> history.newestFrom(target, Position.first(NOW), 10, NOW))
                .isExactlyInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining("not-a-position");
    }

    @Test
    void givenAMissingTable_everyMethodThrowsHistoryUnavailable() {
        HistoryTable missing = new HistoryTable("Missing-" + UUID.randomUUID());
        DynamoDbNotificationHistory nowhere = new DynamoDbNotificationHistory(table.client(), missing);

        assertEveryMethodThrowsHistoryUnavailable(nowhere);
    }

    @Test
    void givenAnUnreachableStore_everyMethodThrowsHistoryUnavailable() throws IOException {
        try (DynamoDbClient client = LocalTable.tryingOnce(LocalTable.unreachable())) {
            assertEveryMethodThrowsHistoryUnavailable(new DynamoDbNotificationHistory(client, LocalTable.history()));
        }
    }

    private static void assertEveryMethodThrowsHistoryUnavailable(NotificationHistory failing) {
        Target target = user();
        Map<String, ThrowingCallable> calls = Map.of(
                "append to the history of " + target, () -> failing.append(entry(target, "n-1", NOW)),
                "read the history of " + target, () -> failing.newestFrom(target, Position.first(NOW), 10, NOW));
        calls.forEach((operation, call) -> assertThatThrownBy(call)
                .isExactlyInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining(operation)
                .hasCauseInstanceOf(SdkException.class));
    }
}
