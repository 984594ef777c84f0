package adapters.dynamodb;

import java.util.Map;

/**
 * Where the notification history lives: {@code HISTORY_TABLE_NAME}, laid out as the SAM template declares it
 * (partition key {@code target}, sort key {@code position}, TTL on {@code ttl}). Same account and region as the
 * connections table, so it shares {@link DynamoDbSettings}' client.
 */
public record HistoryTable(String tableName) {
    public static final String DEFAULT_TABLE_NAME = "NotificationHistory";

    public HistoryTable {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("HISTORY_TABLE_NAME is not set");
        }
    }

    public static HistoryTable fromEnvironment(Map<String, String> environment) {
        return new HistoryTable(environment.getOrDefault("HISTORY_TABLE_NAME", DEFAULT_TABLE_NAME));
    }
}
