package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.BOB;
import static domain.Fixtures.CLAIM;
import static domain.Fixtures.CLOCK;
import static domain.Fixtures.NOW;
import static domain.Fixtures.connection;
import static domain.Fixtures.notificationTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.memory.InMemoryConnectionRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ports.PushGateway;

class FanOutTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final ScriptedPushGateway gateway = new ScriptedPushGateway();
    private final List<Duration> pauses = new ArrayList<>();
    private final RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1));

    private FanOut fanOut(PushGateway pushGateway, int maxInFlight) {
        return new FanOut(repository, pushGateway, retries, pauses::add, CLOCK, maxInFlight);
    }

    private FanOut fanOut() {
        return fanOut(gateway, 8);
    }

    @Test
    void givenUserTarget_fanOut_deliversToEveryConnectionOfThatUserOnly() {
        Connection phone = connection("phone", ALICE);
        Connection laptop = connection("laptop", ALICE);
        Connection bobs = connection("bobs", BOB);
        List.of(phone, laptop, bobs).forEach(repository::save);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes()).containsOnlyKeys(phone.id(), laptop.id());
        assertThat(report.count(DeliveryOutcome.DELIVERED)).isEqualTo(2);
        assertThat(gateway.pushesTo(bobs.id())).isZero();
    }

    @Test
    void givenClaimTarget_fanOut_deliversOnlyToSubscribedConnections() {
        Connection subscribed = connection("sub", ALICE, CLAIM);
        Connection entitledButNotSubscribed = connection("ent", BOB, CLAIM);
        repository.save(subscribed);
        repository.save(entitledButNotSubscribed);
        repository.subscribe(subscribed.id(), CLAIM);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.claim(CLAIM)));

        assertThat(report.outcomes()).containsOnlyKeys(subscribed.id());
    }

    @Test
    void givenGoneConnection_fanOut_evictsItAndDeliversToTheRest() {
        Connection gone = connection("gone", ALICE);
        Connection live = connection("live", ALICE);
        repository.save(gone);
        repository.save(live);
        gateway.answer(gone.id(), PushResult.GONE);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes().get(gone.id())).isEqualTo(DeliveryOutcome.EVICTED);
        assertThat(report.outcomes().get(live.id())).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(repository.find(gone.id())).isEmpty();
        assertThat(repository.find(live.id())).isPresent();
        assertThat(gateway.pushesTo(gone.id())).isEqualTo(1);
    }

    @Test
    void givenRecordPastItsExpiry_fanOut_evictsItWithoutPushing() {
        Connection stale = Connection.open(ConnectionId.of("stale"), Fixtures.principal(ALICE),
                NOW.minus(Limits.DEFAULT.connectionLifetime()), Limits.DEFAULT);
        repository.save(stale);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes().get(stale.id())).isEqualTo(DeliveryOutcome.EVICTED);
        assertThat(gateway.pushes).isEmpty();
        assertThat(repository.find(stale.id())).isEmpty();
    }

    @Test
    void givenThrottledThenAccepted_fanOut_retriesAfterABackoffAndDelivers() {
        Connection busy = connection("busy", ALICE);
        repository.save(busy);
        gateway.answer(busy.id(), PushResult.THROTTLED, PushResult.FAILED, PushResult.DELIVERED);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes().get(busy.id())).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(report.rounds()).isEqualTo(3);
        assertThat(pauses).hasSize(2).allSatisfy(pause -> assertThat(pause).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
        assertThat(report.hasRetryableFailures()).isFalse();
    }

    @Test
    void givenRetriesRunOut_fanOut_reportsStillFailingAndPushesNoMore() {
        Connection busy = connection("busy", ALICE);
        repository.save(busy);
        gateway.answer(busy.id(), PushResult.THROTTLED);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes().get(busy.id())).isEqualTo(DeliveryOutcome.STILL_FAILING);
        assertThat(report.hasRetryableFailures()).isTrue();
        assertThat(gateway.pushesTo(busy.id())).isEqualTo(retries.maxAttempts());
    }

    @Test
    void givenTooLargeOrForbidden_fanOut_failsPermanentlyWithoutRetrying() {
        Connection large = connection("large", ALICE);
        Connection forbidden = connection("forbidden", ALICE);
        repository.save(large);
        repository.save(forbidden);
        gateway.answer(large.id(), PushResult.TOO_LARGE).answer(forbidden.id(), PushResult.FORBIDDEN);

        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.count(DeliveryOutcome.FAILED_PERMANENTLY)).isEqualTo(2);
        assertThat(gateway.pushes).hasSize(2);
        assertThat(report.hasPermanentFailures()).isTrue();
    }

    @Test
    void givenEvictionFails_fanOut_reportsTheConnectionStillFailingSoTheQueueRetries() {
        Connection gone = connection("gone", ALICE);
        repository.save(gone);
        gateway.answer(gone.id(), PushResult.GONE);
        ConnectionRepositoryFailingOnRemove failing = new ConnectionRepositoryFailingOnRemove(repository);
        FanOut fanOut = new FanOut(failing, gateway, retries, pauses::add, CLOCK, 4);

        DeliveryReport report = fanOut.deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes().get(gone.id())).isEqualTo(DeliveryOutcome.STILL_FAILING);
    }

    @Test
    void givenUnreadableAudience_fanOut_throwsTheStoreFailure() {
        FanOut fanOut = new FanOut(new ConnectionRepositoryFailingOnRemove(repository).failingReads(), gateway, retries,
                pauses::add, CLOCK, 4);

        assertThatThrownBy(() -> fanOut.deliver(notificationTo(Target.user(ALICE))))
                .isInstanceOf(ConnectionRepositoryException.class);
    }

    @Test
    void givenGatewayThatThrows_fanOut_treatsItAsATransientFailure() {
        repository.save(connection("c", ALICE));
        PushGateway throwing = (id, payload) -> {
            throw new IllegalStateException("client closed");
        };

        DeliveryReport report = fanOut(throwing, 4).deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.count(DeliveryOutcome.STILL_FAILING)).isEqualTo(1);
    }

    @Test
    void givenManyConnections_fanOut_neverHasMoreThanMaxInFlightPushesOutstanding() throws Exception {
        for (int i = 0; i < 200; i++) {
            repository.save(connection("c-" + i, ALICE));
        }
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(4);
        PushGateway slow = (id, payload) -> {
            highest.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            CompletableFuture<PushResult> result = new CompletableFuture<>();
            executor.schedule(() -> {
                outstanding.decrementAndGet();
                result.complete(PushResult.DELIVERED);
            }, 1, TimeUnit.MILLISECONDS);
            return result;
        };
        try {
            DeliveryReport report = fanOut(slow, 7).deliver(notificationTo(Target.user(ALICE)));

            assertThat(report.count(DeliveryOutcome.DELIVERED)).isEqualTo(200);
            assertThat(highest.get()).isBetween(1, 7);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void givenNoAudience_fanOut_reportsNothingToDo() {
        DeliveryReport report = fanOut().deliver(notificationTo(Target.user(ALICE)));

        assertThat(report.outcomes()).isEmpty();
        assertThat(report.summary()).isEqualTo("no live connections");
        assertThat(report.rounds()).isZero();
    }
}
