package adapters.emulator.definitions;

import java.util.List;

/**
 * A DynamoDB table of the template, for whoever creates it locally; {@code sortKey} and
 * {@code timeToLiveAttribute} are null when the template has none.
 */
public record TableDefinition(String logicalId, String tableName, KeyAttribute partitionKey, KeyAttribute sortKey,
        List<IndexDefinition> globalSecondaryIndexes, String timeToLiveAttribute) {

    public TableDefinition {
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }
}
