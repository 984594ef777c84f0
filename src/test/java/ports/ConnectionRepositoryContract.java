package ports;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Limits;
import domain.Principal;
import domain.Recipient;
import domain.Target;
import domain.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionRepository} must do. Ids are unique per test, so an adapter backed
 * by a shared server needs no reset between tests. Expiry times lie in the real past or future, so
 * an adapter that judged expiry by its own clock would fail here.
 */
public abstract class ConnectionRepositoryContract {
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    protected abstract ConnectionRepository repository();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    protected ConnectionId connectionId(String name) {
        return ConnectionId.of(name + "-" + run);
    }

    protected UserId user(String name) {
        return UserId.of(name + "-" + run);
    }

    protected ClaimId claim(String name) {
        return ClaimId.of(name + "-" + run);
    }

    protected Connection connection(String id, UserId user, ClaimId... entitled) {
        return Connection.open(connectionId(id), new Principal(user, Set.of(entitled)), NOW, Limits.DEFAULT);
    }

    @Test
    void givenSavedConnection_find_returnsItWithNoSubscriptions() {
        Connection saved = connection("a", user("u"), claim("C-1"));
        repository().save(saved);

        assertThat(repository().find(saved.id())).contains(saved);
    }

    @Test
    void givenUnknownId_find_returnsEmpty() {
        assertThat(repository().find(connectionId("nobody"))).isEmpty();
    }

    @Test
    void audienceOfUser_listsEveryConnectionOfThatUserOnly() {
        UserId alice = user("alice");
        Connection phone = connection("phone", alice);
        Connection laptop = connection("laptop", alice);
        Connection other = connection("other", user("bob"));
        repository().save(phone);
        repository().save(laptop);
        repository().save(other);

        assertThat(repository().audienceOf(Target.user(alice)))
                .containsExactlyInAnyOrder(phone.asRecipient(), laptop.asRecipient());
    }

    @Test
    void audienceOfClaim_listsOnlySubscribedConnections() {
        ClaimId claim = claim("C-7");
        Connection subscribed = connection("sub", user("u1"), claim);
        Connection entitledOnly = connection("ent", user("u2"), claim);
        repository().save(subscribed);
        repository().save(entitledOnly);

        assertThat(repository().subscribe(subscribed.id(), claim)).isTrue();

        assertThat(repository().audienceOf(Target.claim(claim))).containsExactly(subscribed.asRecipient());
        assertThat(repository().find(subscribed.id()).orElseThrow().subscriptions()).containsExactly(claim);
    }

    @Test
    void subscribingTwice_recordsOneSubscription() {
        ClaimId claim = claim("C-2");
        Connection connection = connection("twice", user("u"), claim);
        repository().save(connection);

        repository().subscribe(connection.id(), claim);
        repository().subscribe(connection.id(), claim);

        assertThat(repository().audienceOf(Target.claim(claim))).hasSize(1);
    }

    @Test
    void givenUnknownConnection_subscribe_returnsFalseAndRecordsNothing() {
        ClaimId claim = claim("C-3");

        assertThat(repository().subscribe(connectionId("ghost"), claim)).isFalse();
        assertThat(repository().audienceOf(Target.claim(claim))).isEmpty();
    }

    @Test
    void unsubscribe_removesTheConnectionFromTheClaimsAudience() {
        ClaimId claim = claim("C-4");
        Connection connection = connection("unsub", user("u"), claim);
        repository().save(connection);
        repository().subscribe(connection.id(), claim);

        repository().unsubscribe(connection.id(), claim);
        repository().unsubscribe(connection.id(), claim);

        assertThat(repository().audienceOf(Target.claim(claim))).isEmpty();
        assertThat(repository().find(connection.id()).orElseThrow().subscriptions()).isEmpty();
    }

    @Test
    void remove_forgetsTheConnectionAndAllItsSubscriptions() {
        UserId user = user("u");
        ClaimId first = claim("C-5");
        ClaimId second = claim("C-6");
        Connection connection = connection("gone", user, first, second);
        repository().save(connection);
        repository().subscribe(connection.id(), first);
        repository().subscribe(connection.id(), second);

        repository().remove(connection.id());

        assertThat(repository().find(connection.id())).isEmpty();
        assertThat(repository().audienceOf(Target.user(user))).isEmpty();
        assertThat(repository().audienceOf(Target.claim(first))).isEmpty();
        assertThat(repository().audienceOf(Target.claim(second))).isEmpty();
    }

    @Test
    void removingAnUnknownOrRemovedConnection_doesNothing() {
        Connection connection = connection("twice-removed", user("u"));
        repository().save(connection);

        repository().remove(connection.id());
        repository().remove(connection.id());
        repository().remove(connectionId("never-there"));

        assertThat(repository().find(connection.id())).isEmpty();
    }

    @Test
    void audience_carriesEachConnectionsExpiry() {
        Connection connection = connection("expiry", user("u"));
        repository().save(connection);

        Recipient recipient = repository().audienceOf(Target.user(connection.userId())).get(0);

        assertThat(recipient.expiresAt()).isEqualTo(connection.expiresAt());
        assertThat(recipient.userId()).isEqualTo(connection.userId());
    }

    @Test
    void anExpiredRecord_isFoundAndListedInItsAudiences_forTheDomainToEvict() {
        UserId user = user("u");
        ClaimId claim = claim("C-8");
        Connection live = connection("live", user, claim);
        Connection expiredAMinuteAgo = Connection.open(connectionId("expired"), new Principal(user, Set.of(claim)),
                NOW.minus(Limits.DEFAULT.connectionLifetime()).minusSeconds(60), Limits.DEFAULT);
        for (Connection connection : List.of(live, expiredAMinuteAgo)) {
            repository().save(connection);
            assertThat(repository().subscribe(connection.id(), claim)).isTrue();
        }

        assertThat(repository().find(expiredAMinuteAgo.id())).contains(expiredAMinuteAgo.withSubscription(claim));
        assertThat(repository().audienceOf(Target.user(user)))
                .containsExactlyInAnyOrder(live.asRecipient(), expiredAMinuteAgo.asRecipient());
        assertThat(repository().audienceOf(Target.claim(claim)))
                .containsExactlyInAnyOrder(live.asRecipient(), expiredAMinuteAgo.asRecipient());
    }

    @Test
    void savingAgainUnderTheSameId_replacesTheRecord() {
        Connection first = connection("same", user("first"));
        Connection second = Connection.open(first.id(), new Principal(user("second"), Set.of()), NOW.plusSeconds(5), Limits.DEFAULT);
        repository().save(first);

        repository().save(second);

        assertThat(repository().find(first.id())).contains(second);
        assertThat(repository().audienceOf(Target.user(first.userId()))).isEmpty();
    }
}
