package adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.ConnectionRepositoryException;
import domain.Limits;
import domain.Principal;
import domain.Sleeper;
import domain.Target;
import domain.UserId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkException;

/** How the repository behaves when DynamoDB fails, throttles, or races it; against dynalite. */
class DynamoDbStoreFailuresIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final LocalTable table = new LocalTable();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final Sleeper recordingSleeper = pauses::add;

    @AfterEach
    void closeClients() {
        table.close();
    }

    @Test
    void givenUnreachableStore_everyMethodThrowsConnectionStoreException() throws IOException {
        DynamoDbSettings nowhere = LocalTable.unreachable();
        try (var client = LocalTable.tryingOnce(nowhere)) {
            var repository = new DynamoDbConnectionRepository(client, nowhere, recordingSleeper, new SplittableRandom(1));
            Connection connection = connection("c", 0);
            Map<String, ThrowingCallable> calls = Map.of(
                    "save connection", () -> repository.save(connection),
                    "find connection", () -> repository.find(connection.id()),
                    "read connection", () -> repository.subscribe(connection.id(), ClaimId.of("C")),
                    "unsubscribe", () -> repository.unsubscribe(connection.id(), ClaimId.of("C")),
                    "remove connection", () -> repository.remove(connection.id()),
                    "find the audience of", () -> repository.audienceOf(Target.user(connection.userId())));
            calls.forEach((operation, call) -> assertThatThrownBy(call)
                    .isExactlyInstanceOf(ConnectionRepositoryException.class)
                    .hasMessageContaining(operation)
                    .hasCauseInstanceOf(SdkException.class));
        }
    }

    @Test
    void givenUnprocessedItems_remove_retriesThemAfterAPause() {
        DynamoDbConnectionRepository repository = repository(Interceptors.leavingUnprocessed(2));
        Connection connection = connection("retried", 30);

        repository.remove(connection.id());

        assertThat(pauses).hasSize(2).allSatisfy(pause -> assertThat(pause).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
        assertThat(table.partition(connection.id().value())).isEmpty();
    }

    @Test
    void givenItemsThatStayUnprocessed_remove_givesUpWithConnectionStoreException() {
        DynamoDbConnectionRepository repository = repository(Interceptors.leavingUnprocessed(Integer.MAX_VALUE));
        Connection connection = connection("throttled", 3);

        assertThatThrownBy(() -> repository.remove(connection.id()))
                .isExactlyInstanceOf(ConnectionRepositoryException.class)
                .hasMessageContaining("3 items undeleted after " + BatchDeleter.MAX_ATTEMPTS);
        assertThat(pauses).hasSize(BatchDeleter.MAX_ATTEMPTS - 1);
    }

    @Test
    void givenConnectionRemovedWhileSubscribing_subscribe_returnsFalseAndLeavesNoSubscription() {
        DynamoDbConnectionRepository other = repository();
        Connection connection = connection("racing", 0);
        ClaimId claim = ClaimId.of("C-race-" + run);
        DynamoDbConnectionRepository racing = repository(
                Interceptors.afterSubscriptionPut(() -> other.remove(connection.id())));

        assertThat(racing.subscribe(connection.id(), claim)).isFalse();

        assertThat(table.partition(connection.id().value())).isEmpty();
        assertThat(other.audienceOf(Target.claim(claim))).isEmpty();
    }

    /** A saved connection with that many subscriptions, written without interference. */
    private Connection connection(String name, int subscriptions) {
        Connection connection = Connection.open(ConnectionId.of(name + "-" + run),
                new Principal(UserId.of("u-" + run), Set.of()), Instant.now(), Limits.DEFAULT);
        DynamoDbConnectionRepository plain = repository();
        plain.save(connection);
        IntStream.range(0, subscriptions).forEach(i -> plain.subscribe(connection.id(), ClaimId.of("C-" + i + "-" + run)));
        return connection;
    }

    private DynamoDbConnectionRepository repository(ExecutionInterceptor... interceptors) {
        return new DynamoDbConnectionRepository(table.client(interceptors), LocalTable.settings(), recordingSleeper,
                new SplittableRandom(1));
    }
}
