package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.jose4j.Jose4jTokenVerifier;
import adapters.jose4j.KeySource;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import adapters.jose4j.TokenSettings;
import adapters.memory.InMemoryConnectionRepository;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectService;
import domain.ConnectionId;
import domain.Limits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest {
    private static final ConnectionId CONNECTION = ConnectionId.of("CYf6ecLEDoECGHg=");
    private final Clock clock = Clock.systemUTC();
    private final TokenMinter minter = TokenMinter.hs256("a-test-secret-that-is-at-least-32-bytes-long", clock);
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final ConnectHandler handler = new ConnectHandler(() -> new ConnectService(
            new Jose4jTokenVerifier(TokenSettings.of(minter.keySource()), clock), repository, Limits.DEFAULT, clock));

    private String token() {
        return minter.mint(TokenRequest.forSubject("alice").withClaims(List.of("C-1042")).withTtl(Duration.ofHours(1)));
    }

    @Test
    void givenTokenAsSubprotocol_connect_recordsTheConnectionAndSelectsTheHeraldProtocol() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Sec-WebSocket-Protocol", "herald");
        assertThat(repository.find(CONNECTION)).hasValueSatisfying(
                connection -> assertThat(connection.userId().value()).isEqualTo("alice"));
    }

    @Test
    void givenTokenInTheQueryString_connect_acceptsItWithoutASubprotocol() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect-query-token", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).doesNotContainKey("Sec-WebSocket-Protocol");
        assertThat(repository.find(ConnectionId.of("CYgAAd0gDoECIoA="))).isPresent();
    }

    @Test
    void givenExpiredToken_connect_answers401WithTheReasonAndStoresNothing() {
        String expired = minter.mint(TokenRequest.forSubject("alice").withTtl(Duration.ofMinutes(5)).expired());

        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect", expired), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("\"reason\":\"EXPIRED\"").doesNotContain(expired);
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenTokenSignedWithAnotherKey_connect_answers401() {
        String forged = minter.mint(TokenRequest.forSubject("alice").signedWithWrongKey());

        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect", forged), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("BAD_SIGNATURE");
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenTheIssuersKeysCannotBeFetched_connect_answers503SoTheClientRetries() {
        // Port 1 on loopback refuses every connection: a JWKS endpoint that is down.
        ConnectHandler withJwksDown = new ConnectHandler(() -> new ConnectService(new Jose4jTokenVerifier(
                TokenSettings.of(new KeySource.Jwks(URI.create("http://127.0.0.1:1/jwks.json"), Duration.ZERO)), clock),
                repository, Limits.DEFAULT, clock));
        String token = TokenMinter.rs256(clock).mint(TokenRequest.forSubject("alice"));

        APIGatewayV2WebSocketResponse response = withJwksDown.handleRequest(Events.webSocket("connect", token), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).contains("KEYS_UNAVAILABLE").doesNotContain(token);
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenNoToken_connect_answers401Missing() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect-query-token", ""), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("MISSING");
    }

    @Test
    void givenUserAtTheLimit_connect_answers429() {
        ConnectHandler strict = new ConnectHandler(() -> new ConnectService(
                new Jose4jTokenVerifier(TokenSettings.of(minter.keySource()), clock), repository,
                new Limits(1, 50, Duration.ofHours(2), Duration.ofMinutes(5)), clock));
        strict.handleRequest(Events.webSocket("connect", token()), null);

        APIGatewayV2WebSocketResponse response = strict.handleRequest(Events.webSocket("connect-query-token", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getBody()).contains("TOO_MANY_CONNECTIONS");
        assertThat(repository.find(ConnectionId.of("CYgAAd0gDoECIoA="))).isEmpty();
    }

    @Test
    void everyConnectIsCounted_acceptedOrRefusedByReason_butThePrimingOneIsNot() {
        List<String> outcomes = new ArrayList<>();
        ConnectService service = new ConnectService(new Jose4jTokenVerifier(TokenSettings.of(minter.keySource()), clock),
                repository, Limits.DEFAULT, clock);
        ConnectHandler counting = new ConnectHandler(new ConnectHandler.Dependencies() {
            @Override
            public ConnectService connectService() {
                return service;
            }

            @Override
            public ConnectMetrics connectMetrics() {
                return outcomes::add;
            }
        });

        counting.handleRequest(Events.webSocket("connect", token()), null);
        counting.handleRequest(Events.webSocket("connect", "not-a-token"), null);
        Priming.primeAll();

        assertThat(outcomes).containsExactly(ConnectMetrics.ACCEPTED, "MALFORMED");
    }

    @Test
    void givenOnlyTheTokenAsSubprotocol_connect_refusesWithAReadableReasonAndNeverEchoesIt() {
        String token = token();

        APIGatewayV2WebSocketResponse response = handler.handleRequest(
                Events.webSocket("connect-token-as-only-subprotocol", token), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"reason\":\"UNSUPPORTED_SUBPROTOCOL\"", "herald").doesNotContain(token);
        assertThat(response.getHeaders().values()).noneMatch(value -> value.contains(token));
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenAQueryTokenAndAnUnrelatedSubprotocol_connect_neverTakesTheSubprotocolForTheToken() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(
                Events.webSocket("connect-query-token-and-other-subprotocol", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("UNSUPPORTED_SUBPROTOCOL").doesNotContain("MALFORMED");
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void givenAQueryTokenAndHeraldBesideAnotherSubprotocol_connect_acceptsTheQueryTokenAndAnswersHerald() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(
                Events.webSocket("connect-query-token-and-herald-beside-another", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Sec-WebSocket-Protocol", "herald");
        assertThat(repository.find(ConnectionId.of("CYh2CdR2DoECMjg="))).isPresent();
    }

    @Test
    void givenHeraldAndTheTokenInTwoHeaderLines_connect_readsBothAndAnswersHerald() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(
                Events.webSocket("connect-subprotocols-in-two-headers", token()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Sec-WebSocket-Protocol", "herald");
        assertThat(repository.find(ConnectionId.of("CYh2EfL1DoECNvA="))).isPresent();
    }
}
