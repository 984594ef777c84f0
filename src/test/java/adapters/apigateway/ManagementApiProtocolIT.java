package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import domain.Notification;
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
import testsupport.ConnectedClients;
import testsupport.WebSocketTestClient;

/**
 * The @connections client as production builds it, against the gateway emulator: the SDK itself, not the adapter,
 * parses the answers into the modelled exceptions (it reads {@code x-amzn-ErrorType} first, then {@code __type} or
 * {@code code} in the body).
 */
class ManagementApiProtocolIT {
    private static ConnectedClients clients;
    private static ApiGatewayManagementApiAsyncClient client;

    @BeforeAll
    static void start() throws Exception {
        clients = ConnectedClients.start();
        client = TestGateways.client(TestGateways.settings(clients.endpoint()));
    }

    @AfterAll
    static void stop() {
        client.close();
        clients.close();
    }

    @Test
    void post_sendsTheBytesToTheSocket() {
        String id = clients.open();

        client.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"a\":1}"))).join();

        assertThat(clients.received(id)).containsExactly("{\"a\":1}");
    }

    @Test
    void get_describesTheConnection() {
        String id = clients.open();

        GetConnectionResponse connection = client.getConnection(r -> r.connectionId(id)).join();

        assertThat(connection.connectedAt()).isNotNull();
        assertThat(connection.lastActiveAt()).isAfterOrEqualTo(connection.connectedAt());
        assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(connection.identity().userAgent()).isEqualTo(WebSocketTestClient.USER_AGENT);
    }

    @Test
    void delete_closesTheSocket_andLaterPostsAreGone() throws Exception {
        String id = clients.open();

        client.deleteConnection(r -> r.connectionId(id)).join();

        assertThat(clients.client(id).closeCode()).isEqualTo(1000);
        clients.awaitGone(id);
        assertThat(failureOf(post(id, "late"))).isInstanceOf(GoneException.class)
                .extracting(e -> ((GoneException) e).statusCode()).isEqualTo(410);
    }

    @Test
    void gatewayErrors_areParsedIntoTheModelledExceptions() {
        String stalled = clients.openStalled();
        TestGateways.fillUntilThrottled(client, stalled);

        assertThat(failureOf(post(stalled, "1"))).isInstanceOf(LimitExceededException.class);
        try (ApiGatewayManagementApiAsyncClient wrongStage = TestGateways.client(
                TestGateways.settings(clients.endpoint().resolve("/dev")))) {
            assertThat(failureOf(wrongStage.postToConnection(r -> r.connectionId(stalled)
                    .data(SdkBytes.fromUtf8String("2"))))).isInstanceOf(ForbiddenException.class);
        }
        assertThat(failureOf(post(clients.open(), "x".repeat(Notification.MAX_PAYLOAD_BYTES + 1))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void anUnmodelledServerError_isTheServiceExceptionWithItsStatus() throws Exception {
        try (CannedAnswerServer failing = CannedAnswerServer.answering(500, "InternalServerErrorException");
             ApiGatewayManagementApiAsyncClient toFailing = TestGateways.client(
                     TestGateways.settings(failing.endpoint()))) {
            Throwable failure = failureOf(toFailing.postToConnection(r -> r.connectionId("failingAAAAAAA=")
                    .data(SdkBytes.fromUtf8String("3"))));

            assertThat(failure).isExactlyInstanceOf(ApiGatewayManagementApiException.class)
                    .extracting(e -> ((ApiGatewayManagementApiException) e).statusCode()).isEqualTo(500);
        }
    }

    private static CompletableFuture<?> post(String id, String data) {
        return client.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String(data)));
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        Throwable thrown = catchThrowable(call::join);
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }
}
