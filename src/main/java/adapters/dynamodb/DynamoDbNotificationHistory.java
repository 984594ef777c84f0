package adapters.dynamodb;

import domain.HistoryEntry;
import domain.HistoryUnavailableException;
import domain.Position;
import domain.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import ports.NotificationHistory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The notification history in its own DynamoDB table: one item per entry, keyed by target ({@code user#u-1} or
 * {@code claim#C-1}) and position (its text sorts as positions do). Appending is one conditional PutItem; a resume is
 * one Query per target, newest first and limited, never a Scan. Expired items are skipped: TTL deletes them lazily.
 */
public final class DynamoDbNotificationHistory implements NotificationHistory {
    static final String TARGET = "target";
    static final String POSITION = "position";
    static final String NOTIFICATION_ID = "notificationId";
    static final String EVENT = "event";
    static final String EXPIRES_AT = "expiresAt";
    static final String TTL = "ttl";

    private final DynamoDbClient client;
    private final String table;

    @Inject
    public DynamoDbNotificationHistory(DynamoDbClient client, HistoryTable table) {
        this.client = client;
        this.table = table.tableName();
    }

    @Override
    public void append(HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(ConnectionItems.expiry(entry.expiresAt()));
        item.put(TARGET, AttributeValue.fromS(key(entry.target())));
        item.put(POSITION, AttributeValue.fromS(entry.position().text()));
        item.put(NOTIFICATION_ID, AttributeValue.fromS(entry.notificationId()));
        item.put(EVENT, AttributeValue.fromS(entry.event()));
        attempt("append to the history of " + entry.target(), () -> {
            try {
                client.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#position)")
                        .expressionAttributeNames(Map.of("#position", POSITION)));
            } catch (ConditionalCheckFailedException alreadyThere) {
                // The same position again: what it holds is already recorded.
            }
            return null;
        });
    }

    @Override
    public List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now) {
        List<HistoryEntry> newest = new ArrayList<>(limit);
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = attempt("read the history of " + target, query(target, from, limit, now, startKey));
            for (Map<String, AttributeValue> item : page.items()) {
                newest.add(entry(target, item));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && newest.size() < limit);
        List<HistoryEntry> oldestFirst = new ArrayList<>(newest.subList(0, Math.min(limit, newest.size())));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    // Newest first, so that Limit keeps the newest; the filter drops expired items after Limit counted them, hence
    // the loop over pages above.
    private Supplier<QueryResponse> query(Target target, Position from, int limit, Instant now,
                                          Map<String, AttributeValue> startKey) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#target = :target AND #position >= :from")
                .filterExpression("#expiresAt > :now")
                .expressionAttributeNames(Map.of("#target", TARGET, "#position", POSITION, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":target", AttributeValue.fromS(key(target)),
                        ":from", AttributeValue.fromS(from.text()),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build();
        return () -> client.query(request);
    }

    static String key(Target target) {
        return target instanceof Target.User user ? "user#" + user.id().value() : "claim#" + ((Target.Claim) target).id().value();
    }

    private static HistoryEntry entry(Target target, Map<String, AttributeValue> item) {
        Position position = Position.parse(item.get(POSITION).s())
                .orElseThrow(() -> new HistoryUnavailableException("the history holds a malformed position: " + item.get(POSITION).s()));
        return new HistoryEntry(target, position, item.get(NOTIFICATION_ID).s(), item.get(EVENT).s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(EXPIRES_AT).n())));
    }

    /** Every SDK failure becomes the port's exception, naming what was being done. */
    private static <T> T attempt(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new HistoryUnavailableException("DynamoDB could not " + operation + ": " + e.getMessage(), e);
        }
    }
}
