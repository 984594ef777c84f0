package bench;

import adapters.dynamodb.Dynalite;
import adapters.dynamodb.DynamoDbConnectionRepository;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.DynamoDbTables;
import adapters.dynamodb.HistoryTable;
import adapters.sqs.ElasticMq;
import domain.Sleeper;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import testsupport.ConnectedClients;

/**
 * The servers every cold start talks to, started once for a whole benchmark, all on loopback:
 * dynalite (DynamoDB), ElasticMQ (the dead-letter queue) and the gateway emulator with real WebSocket
 * clients to push to. Also the environment a function gets on Lambda, pointed at them, and the store
 * the runs are set up in.
 */
final class LocalEndpoints implements AutoCloseable {
    /** HS256 needs at least 32 bytes; the benchmark mints its tokens with the same secret. */
    static final String JWT_SECRET = "cold-start-benchmark-secret-of-at-least-32-bytes";

    private final ConnectedClients clients;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbConnectionRepository repository;
    private final Map<String, String> environment;

    private LocalEndpoints(ConnectedClients clients, DynamoDbClient dynamoDb, DynamoDbSettings table, String deadLetterQueue) {
        this.clients = clients;
        this.dynamoDb = dynamoDb;
        this.repository = new DynamoDbConnectionRepository(dynamoDb, table, Sleeper.REAL, new SplittableRandom());
        this.environment = Map.ofEntries(
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "AKIDCOLDSTART"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "cold-start"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", table.endpointOverride().orElseThrow().toString()),
                Map.entry("DYNAMO_TABLE_NAME", table.tableName()),
                Map.entry("HISTORY_TABLE_NAME", HistoryTable.DEFAULT_TABLE_NAME),
                Map.entry("AWS_ENDPOINT_URL_SQS", ElasticMq.shared().endpoint().toString()),
                Map.entry("DEAD_LETTER_QUEUE_URL", deadLetterQueue),
                Map.entry("WS_API_ENDPOINT", clients.endpoint().toString()),
                Map.entry("JWT_SECRET", JWT_SECRET),
                Map.entry("POWERTOOLS_SERVICE_NAME", "herald"),
                Map.entry("POWERTOOLS_METRICS_NAMESPACE", "Herald"),
                Map.entry("POWERTOOLS_LOG_LEVEL", "INFO"),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java21"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
    }

    static LocalEndpoints start() throws IOException, InterruptedException {
        DynamoDbSettings table = DynamoDbSettings.local(Dynalite.endpoint(), DynamoDbSettings.DEFAULT_TABLE_NAME);
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(table.endpointOverride().orElseThrow())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        DynamoDbTables.createIfMissing(dynamoDb, table.tableName());
        DynamoDbTables.createHistoryIfMissing(dynamoDb, HistoryTable.DEFAULT_TABLE_NAME);
        ElasticMq sqs = ElasticMq.shared();
        return new LocalEndpoints(ConnectedClients.start(), dynamoDb, table, sqs.queueUrl(ElasticMq.DEAD_LETTER_QUEUE));
    }

    /** Every variable a function reads on Lambda (the SAM template's, plus what Lambda itself sets), pointed here. */
    Map<String, String> environment() {
        return environment;
    }

    ConnectedClients clients() {
        return clients;
    }

    DynamoDbConnectionRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        clients.close();
        dynamoDb.close();
    }
}
