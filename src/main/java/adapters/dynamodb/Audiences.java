package adapters.dynamodb;

import static adapters.dynamodb.ConnectionItems.CLAIM_ID;
import static adapters.dynamodb.ConnectionItems.USER_ID;
import static adapters.dynamodb.ConnectionItems.text;

import domain.Recipient;
import domain.Target;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Finds a target's audience with one Query (all its pages) on the byUser or byClaim index. Items past their expiry
 * are kept, as the port says: TTL deletes them only lazily, typically within days, and fan-out evicts them.
 */
final class Audiences {
    private final DynamoDbClient client;
    private final String table;

    Audiences(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    List<Recipient> of(Target target) {
        return StoreCalls.queryAll(client, "find the audience of " + target, query(target)).stream()
                .map(ConnectionItems::toRecipient)
                .toList();
    }

    private QueryRequest query(Target target) {
        if (target instanceof Target.User user) {
            return indexQuery("byUser", USER_ID, user.id().value());
        }
        return indexQuery("byClaim", CLAIM_ID, ((Target.Claim) target).id().value());
    }

    private QueryRequest indexQuery(String index, String attribute, String value) {
        return QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(attribute + " = :value")
                .expressionAttributeValues(Map.of(":value", text(value)))
                .build();
    }
}
