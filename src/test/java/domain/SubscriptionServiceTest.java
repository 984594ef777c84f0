package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.CLAIM;
import static domain.Fixtures.CLOCK;
import static domain.Fixtures.NOW;
import static domain.Fixtures.OTHER_CLAIM;
import static domain.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final SubscriptionService service = new SubscriptionService(repository, Limits.DEFAULT, CLOCK);
    private final Connection alice = connection("c-alice", ALICE, CLAIM);

    SubscriptionServiceTest() {
        repository.save(alice);
    }

    @Test
    void givenEntitledClaim_subscribe_addsTheConnectionToTheClaimsAudience() {
        assertThat(service.subscribe(alice.id(), CLAIM)).isEqualTo(new SubscriptionResult.Subscribed(CLAIM));
        assertThat(repository.audienceOf(Target.claim(CLAIM))).containsExactly(alice.asRecipient());
    }

    @Test
    void givenClaimNotInTheToken_subscribe_isRefusedAndRecordsNothing() {
        assertThat(service.subscribe(alice.id(), OTHER_CLAIM))
                .isEqualTo(new SubscriptionResult.Refused(OTHER_CLAIM, SubscriptionRefusal.NOT_ENTITLED));
        assertThat(repository.audienceOf(Target.claim(OTHER_CLAIM))).isEmpty();
    }

    @Test
    void givenUnknownConnection_subscribe_isRefused() {
        assertThat(service.subscribe(ConnectionId.of("ghost"), CLAIM))
                .isEqualTo(new SubscriptionResult.Refused(CLAIM, SubscriptionRefusal.UNKNOWN_CONNECTION));
    }

    @Test
    void givenExpiredConnection_subscribe_isRefusedAsUnknown() {
        Connection stale = Connection.open(ConnectionId.of("stale"), Fixtures.principal(ALICE, CLAIM),
                NOW.minus(Duration.ofHours(3)), Limits.DEFAULT);
        repository.save(stale);

        assertThat(service.subscribe(stale.id(), CLAIM))
                .isEqualTo(new SubscriptionResult.Refused(CLAIM, SubscriptionRefusal.UNKNOWN_CONNECTION));
    }

    @Test
    void subscribingTwice_isNotAnError() {
        service.subscribe(alice.id(), CLAIM);

        assertThat(service.subscribe(alice.id(), CLAIM)).isEqualTo(new SubscriptionResult.Subscribed(CLAIM));
    }

    @Test
    void givenConnectionAtTheSubscriptionLimit_subscribe_isRefused() {
        Set<ClaimId> claims = IntStream.range(0, 4).mapToObj(i -> ClaimId.of("C-" + i)).collect(Collectors.toSet());
        Connection many = Connection.open(ConnectionId.of("many"), new Principal(ALICE, claims), NOW, Limits.DEFAULT);
        repository.save(many);
        SubscriptionService limited = new SubscriptionService(repository,
                new Limits(10, 3, Duration.ofHours(2), Duration.ofMinutes(5)), CLOCK);
        IntStream.range(0, 3).forEach(i -> limited.subscribe(many.id(), ClaimId.of("C-" + i)));

        assertThat(limited.subscribe(many.id(), ClaimId.of("C-3")))
                .isEqualTo(new SubscriptionResult.Refused(ClaimId.of("C-3"), SubscriptionRefusal.TOO_MANY_SUBSCRIPTIONS));
    }

    @Test
    void unsubscribe_removesTheConnectionFromTheAudienceAndIsIdempotent() {
        service.subscribe(alice.id(), CLAIM);

        assertThat(service.unsubscribe(alice.id(), CLAIM)).isEqualTo(new SubscriptionResult.Unsubscribed(CLAIM));
        assertThat(service.unsubscribe(alice.id(), CLAIM)).isEqualTo(new SubscriptionResult.Unsubscribed(CLAIM));
        assertThat(repository.audienceOf(Target.claim(CLAIM))).isEmpty();
    }

    @Test
    void givenStoreFailure_subscribe_answersUnavailable() {
        SubscriptionService failing = new SubscriptionService(new ConnectionRepositoryFailingOnRemove(repository).failingReads(),
                Limits.DEFAULT, CLOCK);

        assertThat(failing.subscribe(alice.id(), CLAIM))
                .isEqualTo(new SubscriptionResult.Refused(CLAIM, SubscriptionRefusal.UNAVAILABLE));
    }
}
