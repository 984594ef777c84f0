package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.dynamodb.Dynalite;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** {@code herald local --dynamodb-endpoint}: the stack creates the tables under the names the template gives them. */
class LocalStackTablesIT {
    private static final Path TEMPLATE = Path.of("deploy/sam/template.yaml");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void withADynamoDbEndpoint_theConnectionsAndHistoryTablesAreCreatedAsTheTemplateNamesThem(@TempDir Path dir)
            throws Exception {
        Path template = templateNaming(dir, "Connections-" + run, "History-" + run);

        try (LocalStack stack = LocalStack.start(settings(template, Optional.empty()));
             DynamoDbClient client = DynamoDbModule.dynamoDbClient(DynamoDbSettings.local(Dynalite.endpoint(), "any"))) {
            assertThat(keysOf(client, "Connections-" + run)).containsExactly(key("connectionId", KeyType.HASH), key("sk", KeyType.RANGE));
            assertThat(keysOf(client, "History-" + run)).containsExactly(key("target", KeyType.HASH), key("position", KeyType.RANGE));
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
                Optional.of(Dynalite.endpoint()), Duration.ofMinutes(10), Duration.ofHours(2), Optional.of(Duration.ofSeconds(2)));
    }

    private static List<KeySchemaElement> keysOf(DynamoDbClient client, String table) {
        return client.describeTable(describe -> describe.tableName(table)).table().keySchema();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
