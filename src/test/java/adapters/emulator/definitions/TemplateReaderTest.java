package adapters.emulator.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {
    private static final Path HERALD = Path.of("deploy/sam/template.yaml");
    private static final Path FIXTURE = Path.of("src/test/resources/templates/serverless-websocket.yaml");

    @Test
    void heraldTemplate_plainApiGatewayV2Resources_giveTheRoutesAndTheirFunctions() throws IOException {
        WebSocketApiDefinition api = TemplateReader.read(HERALD, TemplateOverrides.none()).webSocketApi();

        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.stageName()).isEqualTo("prod");
        assertThat(api.apiId()).isEqualTo(TemplateOverrides.DEFAULT_API_ID);
        assertThat(api.routes()).extracting(RouteDefinition::routeKey, RouteDefinition::functionLogicalId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("$connect", "ConnectFunction"),
                        org.assertj.core.groups.Tuple.tuple("$disconnect", "DisconnectFunction"),
                        org.assertj.core.groups.Tuple.tuple("$default", "DefaultFunction"));
        assertThat(api.route("$default").orElseThrow().integrationTimeout()).isEqualTo(Duration.ofSeconds(29));
        assertThat(api.route("$default").orElseThrow().twoWay()).as("$default has a route response").isTrue();
        assertThat(api.route("$connect").orElseThrow().twoWay()).isFalse();
    }

    @Test
    void plainRoute_selectingARouteResponseItDoesNotHave_isOneWay(@TempDir Path dir) throws IOException {
        String herald = Files.readString(HERALD);
        String withoutResponse = herald.replaceAll("(?s)\n  DefaultRouteResponse:\n.*?RouteResponseKey: \\$default\n", "\n")
                .replace(", DefaultRouteResponse]", "]");
        assertThat(withoutResponse).isNotEqualTo(herald).doesNotContain("AWS::ApiGatewayV2::RouteResponse");
        Path template = Files.writeString(dir.resolve("template.yaml"), withoutResponse);

        WebSocketApiDefinition api = TemplateReader.read(template, TemplateOverrides.none()).webSocketApi();

        assertThat(api.route("$default").orElseThrow().twoWay()).isFalse();
    }

    @Test
    void heraldTemplate_environment_mergesGlobalsAndResolvesToLocalValues() throws IOException {
        LocalTemplate template = TemplateReader.read(HERALD, TemplateOverrides.none());

        FunctionDefinition connect = template.function("ConnectFunction");
        assertThat(connect.handlerClass()).isEqualTo("adapters.lambda.ConnectHandler");
        assertThat(connect.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(connect.environment()).containsEntry("DYNAMO_TABLE_NAME", "WebSocketConnections")
                .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO").containsEntry("JWT_CLAIMS_CLAIM", "claims")
                .containsEntry("MAX_CONNECTIONS_PER_USER", "10")
                .containsEntry("JWT_SECRET_ID", "herald/jwt-secret")
                .doesNotContainKeys("JWT_SECRET", "PUBLIC_KEY", "PUBLIC_KEY_PARAMETER", "JWKS_URL");
        assertThat(template.function("DefaultFunction").environment())
                .containsEntry("WS_API_ENDPOINT", "https://localapi01.execute-api.us-east-1.amazonaws.com/prod")
                .containsEntry("HISTORY_TABLE_NAME", "NotificationHistory").containsEntry("HISTORY_RETENTION", "PT24H")
                .containsEntry("RESUME_MARGIN", "PT1M30S").containsEntry("RESUME_CAP", "100");
        assertThat(template.function("NotifierFunction").environment())
                .containsEntry("HISTORY_TABLE_NAME", "NotificationHistory").containsEntry("HISTORY_RETENTION", "PT24H");
        assertThat(template.warnings()).anyMatch(w -> w.contains("JwtIssuer"))
                .noneMatch(w -> w.contains("{{resolve:"));
    }

    @Test
    void envVarsFile_functionEntriesWinOverParameters_andParameterOverridesFeedIntrinsics(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("env.json");
        Files.writeString(file, "{\"Parameters\": {\"JWT_ISSUER\": \"everyone\", \"NOT_DECLARED\": \"x\"},"
                + " \"ConnectFunction\": {\"JWT_ISSUER\": \"connect-only\", \"JWT_SECRET\": \"s3cret\"}}");
        Map<String, String> parameters = Map.of("JwtKeyMode", "jwks", "JwksUrl", "http://127.0.0.1:1/jwks",
                "TableName", "Local");

        LocalTemplate template = TemplateReader.read(HERALD, TemplateOverrides.fromEnvVarsFile(file, parameters));

        assertThat(template.function("ConnectFunction").environment()).containsEntry("JWT_ISSUER", "connect-only")
                .containsEntry("JWKS_URL", "http://127.0.0.1:1/jwks").containsEntry("DYNAMO_TABLE_NAME", "Local")
                .doesNotContainKeys("JWT_SECRET", "NOT_DECLARED");
        assertThat(template.function("DefaultFunction").environment()).doesNotContainKey("JWT_ISSUER");
    }

    @Test
    void heraldTemplate_tableAndSqsEvent_areExposedForTheLocalStack() throws IOException {
        LocalTemplate template = TemplateReader.read(HERALD, TemplateOverrides.none());

        TableDefinition table = template.table("WebSocketConnections").orElseThrow();
        assertThat(table.logicalId()).isEqualTo("ConnectionsTable");
        assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("connectionId", "S"));
        assertThat(table.sortKey()).isEqualTo(new KeyAttribute("sk", "S"));
        assertThat(table.globalSecondaryIndexes()).containsExactly(
                new IndexDefinition("byUser", new KeyAttribute("userId", "S"), null, "ALL"),
                new IndexDefinition("byClaim", new KeyAttribute("claimId", "S"), null, "ALL"));
        assertThat(table.timeToLiveAttribute()).isEqualTo("ttl");
        TableDefinition history = template.table("NotificationHistory").orElseThrow();
        assertThat(history.logicalId()).isEqualTo("HistoryTable");
        assertThat(history.partitionKey()).isEqualTo(new KeyAttribute("target", "S"));
        assertThat(history.sortKey()).isEqualTo(new KeyAttribute("position", "S"));
        assertThat(history.globalSecondaryIndexes()).isEmpty();
        assertThat(history.timeToLiveAttribute()).isEqualTo("ttl");
        assertThat(template.table("HistoryTable")).as("a table is found by its physical name").isEmpty();
        SqsEventDefinition sqs = template.sqsEvent().orElseThrow();
        assertThat(sqs.functionLogicalId()).isEqualTo("NotifierFunction");
        assertThat(sqs.queueParameter()).isEqualTo("OutboundQueueArn");
        assertThat(sqs.batchSize()).isEqualTo(10);
        assertThat(sqs.reportsBatchItemFailures()).isTrue();
        assertThat(sqs.maximumConcurrency()).isEqualTo(10);
    }

    @Test
    void serverlessWebSocketApi_routesTimeoutsAndTwoWayRoutes_areRead() throws IOException {
        LocalTemplate template = TemplateReader.read(FIXTURE,
                new TemplateOverrides(Map.of("Greeting", "hi"), Map.of(), Map.of(), "abcdef0123"));
        WebSocketApiDefinition api = template.webSocketApi();

        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.type");
        assertThat(api.stageName()).isEqualTo("dev");
        assertThat(api.route("$connect").orElseThrow().functionLogicalId()).isEqualTo("ConnectFunction");
        assertThat(api.route("$default").orElseThrow().integrationTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(api.route("say").orElseThrow().twoWay()).isTrue();
        assertThat(api.route("$disconnect")).isEmpty();
    }

    @Test
    void serverlessWebSocketApi_functionEnvironment_resolvesJoinIfSubAndGetAtt() throws IOException {
        LocalTemplate template = TemplateReader.read(FIXTURE,
                new TemplateOverrides(Map.of("Greeting", "hi"), Map.of(), Map.of(), "abcdef0123"));

        assertThat(template.function("ConnectFunction").environment()).containsEntry("GREETING", "hi !")
                .containsEntry("TABLE", "Items").containsEntry("SHARED", "from-globals")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:000000000000:table/Items");
        FunctionDefinition echo = template.function("EchoFunction");
        assertThat(echo.environment()).containsEntry("SHARED", "from-function").doesNotContainKey("QUIET_ONLY")
                .containsEntry("ENDPOINT", "https://abcdef0123.execute-api.us-east-1.amazonaws.com/dev");
        assertThat(echo.handlerClass()).isEqualTo("example.Echo");
        assertThat(echo.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(echo.runtimeEnvironment()).containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        assertThat(template.sqsEvent()).isEmpty();
    }
}
