package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * The test server speaks @connections as AWS does: the SDK itself, not the adapter, parses its
 * answers into the modelled exceptions (it reads {@code x-amzn-ErrorType} first, then
 * {@code __type} or {@code code} in the body).
 */
class ManagementApiProtocolIT {
    private static ConnectionsServer server;
    private static ApiGatewayManagementApiAsyncClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ConnectionsServer.start("prod");
        client = TestGateways.client(TestGateways.settings(server));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void post_sendsTheBytesToTheSocket() {
        String id = server.open();

        client.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"a\":1}"))).join();

        assertThat(server.received(id)).containsExactly("{\"a\":1}");
    }

    @Test
    void get_describesTheConnection() {
        String id = server.open();

        GetConnectionResponse connection = client.getConnection(r -> r.connectionId(id)).join();

        assertThat(connection.connectedAt()).isNotNull();
        assertThat(connection.lastActiveAt()).isAfterOrEqualTo(connection.connectedAt());
        assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(connection.identity().userAgent()).isNotBlank();
    }

    @Test
    void delete_closesTheSocket_andLaterPostsAreGone() {
        String id = server.open();

        client.deleteConnection(r -> r.connectionId(id)).join();

        assertThat(failureOf(post(id, "late"))).isInstanceOf(GoneException.class)
                .extracting(e -> ((GoneException) e).statusCode()).isEqualTo(410);
    }

    @Test
    void errors_areParsedIntoTheModelledExceptions() {
        String id = server.open();
        server.script(id, Reply.THROTTLED, Reply.FORBIDDEN, Reply.SERVER_ERROR);

        assertThat(failureOf(post(id, "1"))).isInstanceOf(LimitExceededException.class);
        assertThat(failureOf(post(id, "2"))).isInstanceOf(ForbiddenException.class);
        assertThat(failureOf(post(id, "3"))).isExactlyInstanceOf(ApiGatewayManagementApiException.class)
                .extracting(e -> ((ApiGatewayManagementApiException) e).statusCode()).isEqualTo(500);
        assertThat(failureOf(post(server.open(), "x".repeat(ConnectionsServer.MAX_DATA_BYTES + 1))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    private static CompletableFuture<?> post(String id, String data) {
        return client.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String(data)));
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        Throwable thrown = catchThrowable(call::join);
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }
}
