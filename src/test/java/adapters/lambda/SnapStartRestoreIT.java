package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.dynamodb.Dynalite;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.DynamoDbTables;
import adapters.emulator.definitions.FunctionDefinition;
import adapters.emulator.websocket.ApiGatewayEmulator;
import adapters.emulator.websocket.EmulatorSettings;
import adapters.emulator.websocket.Route;
import adapters.emulator.websocket.RouteTable;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import adapters.wiring.RestoreSafeRandom;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.crac.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import testsupport.WebSocketTestClient;

/**
 * Two execution environments restored from one SnapStart snapshot, as far as one JVM can play them: each builds the
 * $connect and $default functions from a Lambda environment, leaves init with the same jitter state (what one
 * snapshot gives every copy), and has every registered hook driven as Lambda drives it (beforeCheckpoint in reverse
 * order, afterRestore in order). Then a browser connects through the API Gateway emulator and subscribes twice: the
 * first answer is the route response, the second resumes, so its {@code subscribed} is pushed through @connections;
 * DynamoDB is dynalite.
 */
class SnapStartRestoreIT {
    private static final String SECRET = "snapstart-restore-test-secret-of-at-least-32-bytes";
    private static final long SNAPSHOT_JITTER_STATE = 7;
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Map<String, String> PREVIOUS_PROPERTIES = new HashMap<>();
    private static final String HISTORY_TABLE = "SnapStartRestoreHistory";

    private static int dynalitePort;
    private static Map<String, String> environment;

    /** The copy whose handlers the emulator invokes now. */
    private volatile ConnectHandler connect;
    private volatile DefaultHandler defaultRoute;

    @BeforeAll
    static void lambdaEnvironment() {
        // The @connections client reads credentials through the default chain, as on Lambda; these are dummies.
        setProperty("aws.accessKeyId", "AKIDSNAPSTART");
        setProperty("aws.secretAccessKey", "snapstart");
        DynamoDbSettings table = DynamoDbSettings.local(Dynalite.endpoint(), "SnapStartRestore");
        dynalitePort = Dynalite.endpoint().getPort();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(Dynalite.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            DynamoDbTables.createIfMissing(client, table.tableName());
            DynamoDbTables.createHistoryIfMissing(client, HISTORY_TABLE);
        }
        environment = Map.of("AWS_REGION", "us-east-1", "DYNAMO_TABLE_NAME", table.tableName(),
                "HISTORY_TABLE_NAME", HISTORY_TABLE, "AWS_ENDPOINT_URL_DYNAMODB", Dynalite.endpoint().toString(),
                "JWT_SECRET", SECRET);
    }

    @AfterAll
    static void restoreProperties() {
        PREVIOUS_PROPERTIES.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        Priming.reset();
    }

    private static void setProperty(String name, String value) {
        PREVIOUS_PROPERTIES.put(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Test
    void twoRestoredCopies_drawDifferentJitter_closedTheirConnectionsBeforeTheSnapshot_andServeTheFirstRequest()
            throws Exception {
        List<Long> first = restoredCopyServesABrowser();
        List<Long> second = restoredCopyServesABrowser();

        assertThat(first).isNotEqualTo(second);
    }

    /** One execution environment from init to its first request; returns the jitter it draws after the restore. */
    private List<Long> restoredCopyServesABrowser() throws Exception {
        try (ApiGatewayEmulator gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), routes(),
                this::invoke)) {
            Priming.reset();
            Map<String, String> variables = new HashMap<>(environment);
            variables.put("WS_API_ENDPOINT", gateway.managementEndpoint().toString());
            connect = new ConnectHandler(variables);
            defaultRoute = new DefaultHandler(variables);
            List<Resource> hooks = Priming.registered();
            jitterOf(hooks).forEach(jitter -> jitter.reseed(SNAPSHOT_JITTER_STATE));

            checkpoint(hooks);
            assertThat(OpenConnections.toSettled(gateway.port(), SETTLE)).as("connections to @connections").isZero();
            assertThat(OpenConnections.toSettled(dynalitePort, SETTLE)).as("connections to DynamoDB").isZero();
            restore(hooks);

            List<Long> jitter = draws(jitterOf(hooks));
            subscribeThroughTheGateway(gateway);
            return jitter;
        }
    }

    private static void checkpoint(List<Resource> hooks) throws Exception {
        List<Resource> reversed = new ArrayList<>(hooks);
        java.util.Collections.reverse(reversed);
        for (Resource hook : reversed) {
            hook.beforeCheckpoint(null);
        }
    }

    private static void restore(List<Resource> hooks) throws Exception {
        for (Resource hook : hooks) {
            hook.afterRestore(null);
        }
    }

    private static List<RestoreSafeRandom> jitterOf(List<Resource> hooks) {
        List<RestoreSafeRandom> jitter = hooks.stream().filter(RestoreSafeRandom.class::isInstance)
                .map(RestoreSafeRandom.class::cast).toList();
        assertThat(jitter).as("each function's jitter is a registered hook").hasSize(2);
        return jitter;
    }

    private static List<Long> draws(List<RestoreSafeRandom> jitter) {
        return jitter.stream().flatMap(random -> LongStream.range(0, 8).map(i -> random.nextLong(2_000)).boxed()).toList();
    }

    /**
     * $connect records the connection in DynamoDB; $default answers a subscribe as its route response, and a subscribe
     * that resumes from a position pushes its {@code subscribed} through @connections ahead of that answer: both
     * restored clients serve the browser.
     */
    private static void subscribeThroughTheGateway(ApiGatewayEmulator gateway) throws InterruptedException {
        String user = "user-" + UUID.randomUUID();
        String token = TokenMinter.hs256(SECRET, Clock.systemUTC()).mint(TokenRequest.forSubject(user).withClaims(List.of("C-7")));
        try (WebSocketTestClient browser = WebSocketTestClient.connect(gateway.webSocketUri(), "herald", token)) {
            browser.send("{\"action\":\"subscribe\",\"claimId\":\"C-7\"}");
            String subscribed = browser.await(message -> message.contains("\"type\""), Duration.ofSeconds(10));
            assertThat(subscribed).startsWith("{\"type\":\"subscribed\",\"claimId\":\"C-7\",\"position\":\"");
            String position = subscribed.replaceAll(".*\"position\":\"([^\"]+)\".*", "$1");

            browser.send("{\"action\":\"subscribe\",\"claimId\":\"C-7\",\"after\":\"" + position + "\"}");

            assertThat(browser.await(message -> message.contains("\"type\""), Duration.ofSeconds(10)))
                    .as("pushed through @connections").isEqualTo("{\"type\":\"subscribed\",\"claimId\":\"C-7\"}");
            assertThat(browser.await(message -> message.contains("\"type\""), Duration.ofSeconds(10)))
                    .as("the route response").contains("\"type\":\"resumed\"");
        }
    }

    private APIGatewayV2WebSocketResponse invoke(Route route, APIGatewayV2WebSocketEvent event) {
        return switch (route.routeKey()) {
            case Route.CONNECT -> connect.handleRequest(event, null);
            case Route.DEFAULT -> defaultRoute.handleRequest(event, null);
            default -> WebSocketResponses.ok();
        };
    }

    private static RouteTable routes() {
        return new RouteTable("$request.body.action", List.of(route(Route.CONNECT), route(Route.DISCONNECT),
                route(Route.DEFAULT)));
    }

    /** As in the template: only $default has a route response. */
    private static Route route(String key) {
        return new Route(key, new FunctionDefinition(key, "unused::handleRequest", Map.of(), Duration.ofSeconds(10), 1024,
                "us-east-1"), Duration.ofSeconds(29), Route.DEFAULT.equals(key));
    }
}
