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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ports.PushGateway;
import ports.PushGatewayContract;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import testsupport.ConnectedClients;

/**
 * The adapter against the gateway emulator with real WebSocket clients: 410, 413, 403 and 429 are the gateway's own
 * answers. What it never answers (a 500, no answer at all) comes from a {@link CannedAnswerServer}.
 */
class ApiGatewayPushGatewayIT extends PushGatewayContract {
    private static final SentRequests SENT = new SentRequests();
    private static ConnectedClients clients;
    private static ApiGatewayManagementApiAsyncClient client;
    private static ApiGatewayPushGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        clients = ConnectedClients.start();
        client = TestGateways.client(TestGateways.settings(clients.endpoint()), SENT);
        gateway = new ApiGatewayPushGateway(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        clients.close();
    }

    @Override
    protected PushGateway gateway() {
        return gateway;
    }

    @Override
    protected ConnectionId openConnection() {
        return ConnectionId.of(clients.open());
    }

    @Override
    protected void closeConnection(ConnectionId id) {
        clients.drop(id.value());
    }

    @Override
    protected List<String> received(ConnectionId id) {
        return clients.received(id.value());
    }

    private static PushResult push(PushGateway gateway, String id, String payload) {
        return gateway.push(ConnectionId.of(id), payload).toCompletableFuture().join();
    }

    @Test
    void givenPayloadOverTheLimitInUtf8Bytes_push_isTooLargeWithoutACall() {
        String id = clients.open();
        String twoBytesEach = "é".repeat(Notification.MAX_PAYLOAD_BYTES / 2 + 1);

        assertThat(push(gateway, id, twoBytesEach)).isEqualTo(PushResult.TOO_LARGE);
        assertThat(SENT.to(id)).isZero();
    }

    @Test
    void givenOneThrottle_push_retriesAndDelivers() {
        String id = clients.openStalled();
        int queued = TestGateways.fillUntilThrottled(client, id);
        int before = SENT.to(id);
        PushRetry catchingUp = CatchingUpRetry.after(clients.client(id), queued);

        PushResult result = push(new ApiGatewayPushGateway(client, catchingUp, PushPreparation.shared()), id, "again");

        assertThat(result).isEqualTo(PushResult.DELIVERED);
        assertThat(clients.received(id)).containsExactly("again");
        assertThat(SENT.to(id) - before).isEqualTo(2);
    }

    @Test
    void givenEndlessThrottling_push_isThrottledAfterEveryAttempt() {
        String id = clients.openStalled();
        TestGateways.fillUntilThrottled(client, id);
        int before = SENT.to(id);

        assertThat(push(gateway, id, "x")).isEqualTo(PushResult.THROTTLED);
        assertThat(SENT.to(id) - before).isEqualTo(PushRetry.MAX_ATTEMPTS);
    }

    @Test
    void givenServerErrors_push_failsRetryably() throws Exception {
        try (CannedAnswerServer failing = CannedAnswerServer.answering(500, "InternalServerErrorException");
             ApiGatewayManagementApiAsyncClient toFailing = TestGateways.client(
                     TestGateways.settings(failing.endpoint()), SENT)) {
            assertThat(push(new ApiGatewayPushGateway(toFailing), "failingAAAAAAA=", "x")).isEqualTo(PushResult.FAILED);
            assertThat(SENT.to("failingAAAAAAA=")).isEqualTo(PushRetry.MAX_ATTEMPTS);
        }
    }

    /** The gateway forbids a stage the caller may not manage; AWS answers a role without the permission alike. */
    @Test
    void givenForbidden_push_isForbiddenAndNotRetried() {
        String id = clients.open();
        try (ApiGatewayManagementApiAsyncClient wrongStage = TestGateways.client(
                TestGateways.settings(clients.endpoint().resolve("/dev")), SENT)) {
            assertThat(push(new ApiGatewayPushGateway(wrongStage), id, "x")).isEqualTo(PushResult.FORBIDDEN);
            assertThat(SENT.to(id)).isEqualTo(1);
        }
    }

    @Test
    void givenGatewayThatNeverAnswers_push_failsOnceTheTimeoutsRunOut() throws Exception {
        try (CannedAnswerServer silent = CannedAnswerServer.holding();
             ApiGatewayManagementApiAsyncClient impatient = TestGateways.client(
                     TestGateways.settings(silent.endpoint(), Duration.ofMillis(200), 4))) {
            assertThat(push(new ApiGatewayPushGateway(impatient), "silentAAAAAAAA=", "x")).isEqualTo(PushResult.FAILED);
        }
    }

    @Test
    void givenManyConcurrentPushes_theGatewayNeverHasMoreInFlightThanTheBound() throws Exception {
        int bound = 4;
        try (CannedAnswerServer held = CannedAnswerServer.holding();
             ApiGatewayManagementApiAsyncClient bounded = TestGateways.client(
                     TestGateways.settings(held.endpoint(), Duration.ofSeconds(60), bound))) {
            ApiGatewayPushGateway boundedGateway = new ApiGatewayPushGateway(bounded);
            List<CompletableFuture<PushResult>> pushes = IntStream.range(0, 100)
                    .mapToObj(i -> boundedGateway.push(ConnectionId.of("c" + i), "n" + i).toCompletableFuture())
                    .toList();
            held.awaitInFlight(bound);
            held.release();

            assertThat(pushes).allSatisfy(push -> assertThat(push.join()).isEqualTo(PushResult.DELIVERED));
            assertThat(held.mostInFlight()).isEqualTo(bound);
        }
    }

    @Test
    void eachAttempt_isPreparedOnThePreparationExecutorNotTheCaller() {
        String id = clients.openStalled();
        int queued = TestGateways.fillUntilThrottled(client, id);
        int before = SENT.to(id);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger prepared = new AtomicInteger();
        Executor recording = task -> ForkJoinPool.commonPool().execute(() -> {
            threads.add(Thread.currentThread().getName());
            prepared.incrementAndGet();
            task.run();
        });
        PushRetry catchingUp = CatchingUpRetry.after(clients.client(id), queued);

        PushResult result = push(new ApiGatewayPushGateway(client, catchingUp, recording), id, "signed elsewhere");

        assertThat(result).isEqualTo(PushResult.DELIVERED);
        assertThat(threads).isNotEmpty().doesNotContain(Thread.currentThread().getName());
        // Usually a throttled attempt and its retry; if the stalled client drained first, one attempt. Either way,
        // every attempt that reached the gateway was prepared on the executor.
        assertThat(SENT.to(id) - before).isPositive().isEqualTo(prepared.get());
    }

    @Test
    void givenAClosedClient_push_failsInsteadOfThrowing() {
        ApiGatewayManagementApiAsyncClient closed = TestGateways.client(TestGateways.settings(clients.endpoint()));
        closed.close();

        assertThat(push(new ApiGatewayPushGateway(closed), clients.open(), "x")).isEqualTo(PushResult.FAILED);
    }
}
