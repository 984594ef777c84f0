package adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The connections table on the shared {@link Dynalite}, created once; and the clients a test opens on it. */
final class LocalTable implements AutoCloseable {
    static final String NAME = DynamoDbSettings.DEFAULT_TABLE_NAME;
    private static DynamoDbSettings settings;

    private final List<DynamoDbClient> clients = new ArrayList<>();

    static synchronized DynamoDbSettings settings() {
        if (settings == null) {
            settings = DynamoDbSettings.local(Dynalite.endpoint(), NAME);
            try (DynamoDbClient client = DynamoDbClients.create(settings)) {
                DynamoDbTables.createIfMissing(client, NAME);
            }
        }
        return settings;
    }

    /** A client built as production builds it, plus the given interceptors; closed with this table. */
    DynamoDbClient client(ExecutionInterceptor... interceptors) {
        DynamoDbClient client = DynamoDbClients.create(settings(), config -> List.of(interceptors)
                .forEach(config::addExecutionInterceptor));
        clients.add(client);
        return client;
    }

    /** Every item stored under the connection id, whatever the repository thinks of them. */
    List<Map<String, AttributeValue>> partition(String connectionId) {
        return client().queryPaginator(query -> query.tableName(NAME).consistentRead(true)
                .keyConditionExpression("connectionId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(connectionId))))
                .items().stream().toList();
    }

    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        clients.clear();
    }
}
