package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionResponse;
import testsupport.WebSocketTestClient;

/** The @connections API through the real AWS SDK v2 client: its requests, its SigV4 and its error mapping. */
class ConnectionsApiIT {
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private ApiGatewayEmulator gateway;
    private ApiGatewayManagementApiClient api;

    @BeforeEach
    void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), TestRoutes.table(), handlers);
        api = client(gateway.managementEndpoint());
    }

    @AfterEach
    void stop() {
        api.close();
        gateway.close();
    }

    @Test
    void post_sendsTheBytesAsATextMessage_andAnswers200() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        PostToConnectionResponse response = api.postToConnection(b -> b.connectionId(id)
                .data(SdkBytes.fromUtf8String("{\"hello\":\"world\"}")));

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(client.next()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void postOf128KB_arrivesWholeThroughContinuationFrames() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();
        String big = "b".repeat(131_072);

        api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String(big)));

        assertThat(client.next()).isEqualTo(big);
    }

    @Test
    void get_describesTheConnection() throws Exception {
        WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        GetConnectionResponse connection = api.getConnection(b -> b.connectionId(id));

        assertThat(connection.connectedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(connection.lastActiveAt()).isAfterOrEqualTo(connection.connectedAt());
        assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(connection.identity().userAgent()).isEqualTo("herald-test");
    }

    @Test
    void delete_closesTheSocket_runsDisconnect_andLaterCallsAreGone() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        int status = api.deleteConnection(b -> b.connectionId(id)).sdkHttpResponse().statusCode();

        assertThat(status).isEqualTo(204);
        assertThat(client.closeCode()).isEqualTo(1000);
        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1000);
        assertThatThrownBy(() -> api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(GoneException.class);
    }

    @Test
    void unknownConnection_isGoneForEveryCall() {
        assertThatThrownBy(() -> api.getConnection(b -> b.connectionId("AAAAAAAAAAAAAAA="))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> api.deleteConnection(b -> b.connectionId("AAAAAAAAAAAAAAA="))).isInstanceOf(GoneException.class);
    }

    @Test
    void postOver131072Bytes_isPayloadTooLarge() throws Exception {
        WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        assertThatThrownBy(() -> api.postToConnection(b -> b.connectionId(id)
                .data(SdkBytes.fromByteArray(new byte[131_073]))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void postFarOverTheLimit_isPayloadTooLargeToo_withoutTheGatewayHoldingIt() throws Exception {
        WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        assertThatThrownBy(() -> api.postToConnection(b -> b.connectionId(id)
                .data(SdkBytes.fromByteArray(new byte[2 * 1024 * 1024]))))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(api.getConnection(b -> b.connectionId(id)).identity().userAgent()).isEqualTo("herald-test");
    }

    @Test
    void postThatIsNotUtf8_arrivesAsOneBinaryMessage_andTheConnectionStaysOpen() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();
        byte[] notUtf8 = new byte[40 * 1024];
        notUtf8[0] = (byte) 0xC3;
        notUtf8[1] = (byte) 0x28;

        api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(notUtf8)));
        api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("still open")));

        assertThat(client.nextBinary()).isEqualTo(notUtf8);
        assertThat(client.next()).isEqualTo("still open");
    }

    @Test
    void wrongStage_isForbidden() throws Exception {
        WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();
        try (ApiGatewayManagementApiClient wrong = client(URI.create("http://localhost:" + gateway.port() + "/dev"))) {
            assertThatThrownBy(() -> wrong.getConnection(b -> b.connectionId(id))).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void clientThatStopsReading_makesPostsFailWithLimitExceeded() throws Exception {
        WebSocketTestClient.stalled(gateway.webSocketUri());
        String id = connectionId();
        SdkBytes chunk = SdkBytes.fromByteArray(new byte[128 * 1024]);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 2_000; i++) {
                api.postToConnection(b -> b.connectionId(id).data(chunk));
            }
        }).isInstanceOf(LimitExceededException.class);
    }

    private String connectionId() throws InterruptedException {
        return handlers.next(Route.CONNECT).getRequestContext().getConnectionId();
    }

    static ApiGatewayManagementApiClient client(URI endpoint) {
        return ApiGatewayManagementApiClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)).retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
