package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ConnectionId;
import domain.Notification;
import domain.PushResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ports.PushGateway;
import ports.PushGatewayContract;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

class ApiGatewayPushGatewayIT extends PushGatewayContract {
    private static ConnectionsServer server;
    private static ApiGatewayManagementApiAsyncClient client;
    private static ApiGatewayPushGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        server = ConnectionsServer.start("prod");
        client = TestGateways.client(TestGateways.settings(server));
        gateway = new ApiGatewayPushGateway(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    protected PushGateway gateway() {
        return gateway;
    }

    @Override
    protected ConnectionId openConnection() {
        return ConnectionId.of(server.open());
    }

    @Override
    protected void closeConnection(ConnectionId id) {
        server.close(id.value());
    }

    @Override
    protected List<String> received(ConnectionId id) {
        return server.received(id.value());
    }

    private static PushResult push(PushGateway gateway, String id, String payload) {
        return gateway.push(ConnectionId.of(id), payload).toCompletableFuture().join();
    }

    @Test
    void givenPayloadOverTheLimitInUtf8Bytes_push_isTooLargeWithoutACall() {
        String id = server.open();
        String twoBytesEach = "é".repeat(Notification.MAX_PAYLOAD_BYTES / 2 + 1);

        assertThat(push(gateway, id, twoBytesEach)).isEqualTo(PushResult.TOO_LARGE);
        assertThat(server.requestsTo(id)).isZero();
    }

    @Test
    void givenOneThrottle_push_retriesAndDelivers() {
        String id = server.open();
        server.script(id, Reply.THROTTLED);

        assertThat(push(gateway, id, "again")).isEqualTo(PushResult.DELIVERED);
        assertThat(server.received(id)).containsExactly("again");
        assertThat(server.requestsTo(id)).isEqualTo(2);
    }

    @Test
    void givenEndlessThrottling_push_isThrottledAfterEveryAttempt() {
        String id = server.open();
        server.always(id, Reply.THROTTLED);

        assertThat(push(gateway, id, "x")).isEqualTo(PushResult.THROTTLED);
        assertThat(server.requestsTo(id)).isEqualTo(PushRetry.MAX_ATTEMPTS);
    }

    @Test
    void givenServerErrors_push_failsRetryably() {
        String id = server.open();
        server.always(id, Reply.SERVER_ERROR);

        assertThat(push(gateway, id, "x")).isEqualTo(PushResult.FAILED);
        assertThat(server.requestsTo(id)).isEqualTo(PushRetry.MAX_ATTEMPTS);
    }

    @Test
    void givenForbidden_push_isForbiddenAndNotRetried() {
        String id = server.open();
        server.always(id, Reply.FORBIDDEN);

        assertThat(push(gateway, id, "x")).isEqualTo(PushResult.FORBIDDEN);
        assertThat(server.requestsTo(id)).isEqualTo(1);
    }

    @Test
    void givenGatewayThatNeverAnswers_push_failsOnceTheTimeoutsRunOut() {
        ApiGatewaySettings settings = TestGateways.settings(server, Duration.ofMillis(200), 4);
        try (ApiGatewayManagementApiAsyncClient impatient = TestGateways.client(settings)) {
            String id = server.open();
            server.always(id, Reply.HANG);

            assertThat(push(new ApiGatewayPushGateway(impatient), id, "x")).isEqualTo(PushResult.FAILED);
        }
    }

    @Test
    void givenManyConcurrentPushes_theGatewayNeverHasMoreInFlightThanTheBound() throws Exception {
        int bound = 4;
        try (ConnectionsServer slow = ConnectionsServer.start("prod");
             ApiGatewayManagementApiAsyncClient bounded =
                     TestGateways.client(TestGateways.settings(slow, Duration.ofSeconds(60), bound))) {
            slow.slowDown(Duration.ofMillis(50));
            ApiGatewayPushGateway boundedGateway = new ApiGatewayPushGateway(bounded);
            List<CompletableFuture<PushResult>> pushes = IntStream.range(0, 100)
                    .mapToObj(i -> boundedGateway.push(ConnectionId.of(slow.open()), "n" + i).toCompletableFuture())
                    .toList();

            assertThat(pushes).allSatisfy(push -> assertThat(push.join()).isEqualTo(PushResult.DELIVERED));
            assertThat(slow.maxConcurrentRequests()).isBetween(1, bound);
        }
    }

    @Test
    void eachAttempt_isPreparedOnThePreparationExecutorNotTheCaller() {
        String id = server.open();
        server.script(id, Reply.THROTTLED);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Executor recording = task -> ForkJoinPool.commonPool().execute(() -> {
            threads.add(Thread.currentThread().getName());
            task.run();
        });

        PushResult result = push(new ApiGatewayPushGateway(client, PushRetry.standard(), recording), id, "signed elsewhere");

        assertThat(result).isEqualTo(PushResult.DELIVERED);
        assertThat(threads).isNotEmpty().doesNotContain(Thread.currentThread().getName());
        assertThat(server.requestsTo(id)).isEqualTo(2);
    }

    @Test
    void givenAClosedClient_push_failsInsteadOfThrowing() {
        ApiGatewayManagementApiAsyncClient closed = TestGateways.client(TestGateways.settings(server));
        closed.close();

        assertThat(push(new ApiGatewayPushGateway(closed), server.open(), "x")).isEqualTo(PushResult.FAILED);
    }
}
