package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.CLAIM;
import static domain.Fixtures.CLOCK;
import static domain.Fixtures.NOW;
import static domain.Fixtures.principal;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryTokenVerifier;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectServiceTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final InMemoryTokenVerifier tokens = new InMemoryTokenVerifier(CLOCK);
    private final ConnectService service = new ConnectService(tokens, repository, Limits.DEFAULT, CLOCK);

    private String validToken() {
        return tokens.issue(principal(ALICE, CLAIM), NOW.plusSeconds(3600));
    }

    @Test
    void givenValidToken_connect_recordsTheConnectionUntilTheGatewayLimitPlusGrace() {
        ConnectResult result = service.connect(ConnectionId.of("c-1"), validToken());

        assertThat(result).isInstanceOfSatisfying(ConnectResult.Accepted.class, accepted -> {
            assertThat(accepted.connection().principal()).isEqualTo(principal(ALICE, CLAIM));
            assertThat(accepted.connection().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(5)));
        });
        assertThat(repository.find(ConnectionId.of("c-1"))).isPresent();
    }

    @Test
    void givenNoToken_connect_refusesAsMissingAndStoresNothing() {
        assertThat(service.connect(ConnectionId.of("c-1"), null))
                .isEqualTo(new ConnectResult.TokenRejected(TokenRefusal.MISSING, TokenRefusal.MISSING.meaning()));
        assertThat(service.connect(ConnectionId.of("c-1"), "  ")).isInstanceOf(ConnectResult.TokenRejected.class);
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenExpiredToken_connect_refusesWithTheVerifiersReasonAndStoresNothing() {
        String expired = tokens.issue(principal(ALICE), NOW.minusSeconds(7200), NOW.minusSeconds(1));

        ConnectResult result = service.connect(ConnectionId.of("c-1"), expired);

        assertThat(result).isInstanceOfSatisfying(ConnectResult.TokenRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(TokenRefusal.EXPIRED));
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenUserAtTheConnectionLimit_connect_refusesAndStoresNothing() {
        IntStream.range(0, Limits.DEFAULT.maxConnectionsPerUser())
                .forEach(i -> assertThat(service.connect(ConnectionId.of("c-" + i), validToken())).isInstanceOf(ConnectResult.Accepted.class));

        ConnectResult result = service.connect(ConnectionId.of("one-too-many"), validToken());

        assertThat(result).isEqualTo(new ConnectResult.LimitReached(ALICE, 10));
        assertThat(repository.find(ConnectionId.of("one-too-many"))).isEmpty();
    }

    @Test
    void expiredRecords_doNotCountAgainstTheConnectionLimit() {
        Limits one = new Limits(1, 50, Duration.ofHours(2), Duration.ofMinutes(5));
        repository.save(Connection.open(ConnectionId.of("stale"), principal(ALICE), NOW.minus(Duration.ofHours(3)), one));

        assertThat(new ConnectService(tokens, repository, one, CLOCK).connect(ConnectionId.of("fresh"), validToken()))
                .isInstanceOf(ConnectResult.Accepted.class);
    }

    @Test
    void givenStoreFailure_connect_answersUnavailable() {
        ConnectService failing = new ConnectService(tokens, new ConnectionRepositoryFailingOnRemove(repository).failingReads(),
                Limits.DEFAULT, CLOCK);

        assertThat(failing.connect(ConnectionId.of("c-1"), validToken())).isInstanceOf(ConnectResult.Unavailable.class);
    }
}
