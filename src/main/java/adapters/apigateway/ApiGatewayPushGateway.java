package adapters.apigateway;

import domain.ConnectionId;
import domain.Notification;
import domain.PushResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.inject.Inject;
import javax.inject.Singleton;
import ports.PushGateway;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Pushes through API Gateway's @connections API ({@code POST @connections/{id}}).
 *
 * <p>Retries happen at two levels, and only two. Here, a throttled or transient push is retried
 * at once a few times (3 attempts, 25 ms doubling, jittered, capped at 250 ms) to ride out a
 * blip without the caller noticing; the SDK's own retries are off so attempts do not multiply.
 * Above, the domain's {@link domain.FanOut} retries whatever still fails in slower rounds with its
 * own backoff, and the queue redelivers what outlasts those. Keeping this level short bounds the
 * worst case, fan-out rounds times attempts here times the call timeout (4 x 3 x 2 s), below the
 * Notifier's 30 s time limit.
 *
 * <p>At most {@link ApiGatewaySettings#maxInFlight()} requests are open at once: the HTTP client
 * queues the rest for a connection, without a thread, and the attempt timeout covers that wait. Each call is
 * prepared (marshalled and signed) on {@link PushPreparation}'s threads, so a fan-out signs on every core.
 */
@Singleton
public final class ApiGatewayPushGateway implements PushGateway {
    private final ApiGatewayManagementApiAsyncClient client;
    private final PushRetry retry;
    private final Executor preparation;

    @Inject
    public ApiGatewayPushGateway(ApiGatewayManagementApiAsyncClient client) {
        this(client, PushRetry.standard(), PushPreparation.shared());
    }

    ApiGatewayPushGateway(ApiGatewayManagementApiAsyncClient client, PushRetry retry, Executor preparation) {
        this.client = client;
        this.retry = retry;
        this.preparation = preparation;
    }

    @Override
    public CompletionStage<PushResult> push(ConnectionId id, String payload) {
        SdkBytes data = SdkBytes.fromUtf8String(payload);
        if (data.asByteArrayUnsafe().length > Notification.MAX_PAYLOAD_BYTES) {
            return CompletableFuture.completedFuture(PushResult.TOO_LARGE);
        }
        return retry.run(() -> attempt(id, data))
                .handle((result, failure) -> failure == null ? result : PushFailures.resultOf(failure));
    }

    // A closed client throws from postToConnection instead of failing the future; supplyAsync turns that into a
    // failed stage as well, so every failure reaches handle().
    private CompletionStage<PushResult> attempt(ConnectionId id, SdkBytes data) {
        return CompletableFuture.supplyAsync(
                        () -> client.postToConnection(request -> request.connectionId(id.value()).data(data)), preparation)
                .thenCompose(response -> response)
                .handle((response, failure) -> failure == null ? PushResult.DELIVERED : PushFailures.resultOf(failure));
    }
}
