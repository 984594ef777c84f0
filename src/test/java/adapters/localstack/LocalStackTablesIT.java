package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.dynamodb.Dynalite;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenRequest;
import adapters.json.NotificationRequest;
import adapters.sqs.SqsModule;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.sqs.SqsClient;
import testsupport.WebSocketTestClient;

/** {@code herald local --dynamodb-endpoint}: the stack creates the tables under the names the template gives them. */
class LocalStackTablesIT {
    private static final Path TEMPLATE = Path.of("deploy/sam/template.yaml");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void withADynamoDbEndpoint_theConnectionsAndHistoryTablesAreCreatedAsTheTemplateNamesThem(@TempDir Path dir)
            throws Exception {
        Path template = templateNaming(dir, "Connections-" + run, "History-" + run);

        try (LocalStack stack = LocalStack.start(settings(template, Optional.empty()));
             DynamoDbClient client = DynamoDbModule.dynamoDbClient(DynamoDbSettings.local(Dynalite.endpoint(), "any"),
                     DynamoDbModule.keptAliveConnections())) {
            assertThat(keysOf(client, "Connections-" + run)).containsExactly(key("connectionId", KeyType.HASH), key("sk", KeyType.RANGE));
            assertThat(keysOf(client, "History-" + run)).containsExactly(key("target", KeyType.HASH), key("position", KeyType.RANGE));
        }
    }

    @Test
    void withADynamoDbEndpoint_aNotificationIsRecordedInTheHistoryTable_andAResumeReplaysItFromThere(@TempDir Path dir)
            throws Exception {
        Path template = templateNaming(dir, "Connections-" + run, "History-" + run);
        String user = "u-" + run;
        String token = LocalDevKeys.minter(Clock.systemUTC()).mint(TokenRequest.forSubject(user).withTtl(Duration.ofHours(1)));

        try (LocalStack stack = LocalStack.start(settings(template, Optional.empty()));
             DynamoDbClient client = DynamoDbModule.dynamoDbClient(DynamoDbSettings.local(Dynalite.endpoint(), "any"),
                     DynamoDbModule.keptAliveConnections());
             SqsClient sqs = SqsModule.sqsClient(new SqsSettings(stack.queueUrl(), Optional.of(stack.sqsEndpoint()), Region.US_EAST_1))) {
            String position;
            try (WebSocketTestClient browser = WebSocketTestClient.connect(stack.webSocketUri(), "herald", token)) {
                browser.send("{\"action\":\"resume\"}");
                String answer = browser.await(message -> message.contains("\"type\":\"resumed\""), WAIT);
                position = answer.replaceAll(".*\"position\":\"([^\"]+)\".*", "$1");
            }
            SqsNotificationPublisher.create(sqs, new SqsSettings(stack.queueUrl(), Optional.of(stack.sqsEndpoint()), Region.US_EAST_1))
                    .publish(NotificationRequest.toUser(user, "export.completed", "it", new NotificationRequest.JsonText("{}"))
                            .withId("recorded-" + run));
            awaitItems(client, "History-" + run, "user#" + user, 1);

            try (WebSocketTestClient browser = WebSocketTestClient.connect(stack.webSocketUri(), "herald", token)) {
                browser.send("{\"action\":\"resume\",\"after\":\"" + position + "\"}");
                List<String> answer = browser.takeThrough(message -> message.contains("\"type\":\"resumed\""), WAIT);

                assertThat(answer.get(0)).contains("\"id\":\"recorded-" + run + "\"", "\"heraldposition\":\"");
                assertThat(answer.get(answer.size() - 1)).contains("\"complete\":true", "\"replayed\":1");
            }
        }
    }

    private static void awaitItems(DynamoDbClient client, String table, String target, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.query(query -> query.tableName(table).keyConditionExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "target"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(target)))).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no history item for " + target + " in " + table + " within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aHistoryTableTheTemplateDoesNotDeclare_stopsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path template = templateNaming(dir, "Connections-" + run, "History-" + run);
        Path envVars = Files.writeString(dir.resolve("env.json"),
                "{\"Parameters\": {\"HISTORY_TABLE_NAME\": \"Undeclared-" + run + "\"}}");

        assertThatThrownBy(() -> LocalStack.start(settings(template, Optional.of(envVars))).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HISTORY_TABLE_NAME names Undeclared-" + run);
    }

    /** Herald's template with other default table names, so that the names can only have come from it. */
    private static Path templateNaming(Path dir, String connections, String history) throws IOException {
        String source = Files.readString(TEMPLATE);
        assertThat(source).contains("Default: WebSocketConnections\n", "Default: NotificationHistory\n");
        return Files.writeString(dir.resolve("template.yaml"), source
                .replace("Default: WebSocketConnections\n", "Default: " + connections + "\n")
                .replace("Default: NotificationHistory\n", "Default: " + history + "\n"));
    }

    private static LocalStackSettings settings(Path template, Optional<Path> envVars) {
        LocalStackSettings defaults = LocalStackSettings.defaults();
        return new LocalStackSettings(template, defaults.terraform(), defaults.host(), 0, 0, envVars,
                Optional.of(Dynalite.endpoint()), Duration.ofMinutes(10), Duration.ofHours(2), Optional.of(Duration.ofSeconds(2)),
                defaults.handshakeTimeout(), defaults.devEndpointsFromAnyAddress());
    }

    private static List<KeySchemaElement> keysOf(DynamoDbClient client, String table) {
        return client.describeTable(describe -> describe.tableName(table)).table().keySchema();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
