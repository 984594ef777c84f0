package adapters.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connections table and the history table on the shared {@link Dynalite}, each created once; and the clients a
 * test opens on them.
 */
final class LocalTable implements AutoCloseable {
    static final String NAME = DynamoDbSettings.DEFAULT_TABLE_NAME;
    static final HistoryTable HISTORY = new HistoryTable(HistoryTable.DEFAULT_TABLE_NAME);
    private static DynamoDbSettings settings;
    private static boolean historyCreated;

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

    /** The history table, on the same dynalite as the connections table. */
    static synchronized HistoryTable history() {
        if (!historyCreated) {
            try (DynamoDbClient client = DynamoDbClients.create(settings())) {
                DynamoDbTables.createHistoryIfMissing(client, HISTORY.tableName());
            }
            historyCreated = true;
        }
        return HISTORY;
    }

    /** A DynamoDB that is not there: a loopback port nothing listens on. */
    static DynamoDbSettings unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return DynamoDbSettings.local(URI.create("http://127.0.0.1:" + socket.getLocalPort()), NAME);
        }
    }

    /** A client that tries each call once, for failures: the SDK's nine attempts for DynamoDB only make them slow. */
    static DynamoDbClient tryingOnce(DynamoDbSettings settings) {
        return DynamoDbClients.create(settings, config -> config.retryStrategy(retry -> retry.maxAttempts(1)));
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

    /** Every item of a target's history, expired or not, whatever the history thinks of them. */
    List<Map<String, AttributeValue>> historyPartition(String target) {
        return client().queryPaginator(query -> query.tableName(history().tableName()).consistentRead(true)
                .keyConditionExpression("#target = :target")
                .expressionAttributeNames(Map.of("#target", DynamoDbNotificationHistory.TARGET))
                .expressionAttributeValues(Map.of(":target", AttributeValue.fromS(target))))
                .items().stream().toList();
    }

    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        clients.clear();
    }
}
