package adapters.dynamodb;

import static adapters.dynamodb.ConnectionItems.CLAIM_ID;
import static adapters.dynamodb.ConnectionItems.CONNECTION_ID;
import static adapters.dynamodb.ConnectionItems.SORT_KEY;
import static adapters.dynamodb.ConnectionItems.USER_ID;
import static adapters.dynamodb.DynamoDbNotificationHistory.POSITION;
import static adapters.dynamodb.DynamoDbNotificationHistory.TARGET;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates Herald's tables as the SAM template declares them, for tests and the local stack. TTL is not switched
 * on: dynalite has no {@code UpdateTimeToLive}; fan-out evicts an expired connection it meets anyway, and the
 * history filters expired entries on read.
 */
public final class DynamoDbTables {
    // The SDK's own waiter polls every 20 s; a local table is ACTIVE within milliseconds.
    private static final WaiterOverrideConfiguration POLL_QUICKLY = WaiterOverrideConfiguration.builder()
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200)))
            .maxAttempts(300)
            .build();

    private DynamoDbTables() {
    }

    /** Creates the connections table unless it exists, then waits until it is ACTIVE; throws the SDK's exception on failure. */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        createIfMissing(client, tableName, DynamoDbTables::connections);
    }

    /** Creates the notification history's table unless it exists, then waits until it is ACTIVE; as above. */
    public static void createHistoryIfMissing(DynamoDbClient client, String tableName) {
        createIfMissing(client, tableName, DynamoDbTables::history);
    }

    private static void createIfMissing(DynamoDbClient client, String tableName, Consumer<CreateTableRequest.Builder> layout) {
        try {
            client.describeTable(describe -> describe.tableName(tableName));
        } catch (ResourceNotFoundException missing) {
            create(client, tableName, layout);
        }
        client.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName(tableName).build(), POLL_QUICKLY);
    }

    private static void create(DynamoDbClient client, String tableName, Consumer<CreateTableRequest.Builder> layout) {
        try {
            client.createTable(table -> layout.accept(table.tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)));
        } catch (ResourceInUseException createdMeanwhile) {
            // Another process created it first: waiting for ACTIVE is all that is left to do.
        }
    }

    private static void connections(CreateTableRequest.Builder table) {
        table.attributeDefinitions(text(CONNECTION_ID), text(SORT_KEY), text(USER_ID), text(CLAIM_ID))
                .keySchema(key(CONNECTION_ID, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
                // byClaim is sparse: only subscription items carry claimId.
                .globalSecondaryIndexes(index("byUser", USER_ID), index("byClaim", CLAIM_ID));
    }

    // No index: a resume reads one target's partition, and nothing else reads the history.
    private static void history(CreateTableRequest.Builder table) {
        table.attributeDefinitions(text(TARGET), text(POSITION))
                .keySchema(key(TARGET, KeyType.HASH), key(POSITION, KeyType.RANGE));
    }

    private static GlobalSecondaryIndex index(String name, String hashKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(hashKey, KeyType.HASH))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build();
    }

    private static AttributeDefinition text(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
