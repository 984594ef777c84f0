package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.jose4j.Jose4jTokenVerifier;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import adapters.jose4j.TokenSettings;
import adapters.memory.InMemoryConnectionRepository;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectService;
import domain.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The README's promise, for any offer: whatever subprotocols a client offers around its token, in whatever order,
 * with or without a query token, nothing $connect answers (status, headers, body) contains the token.
 */
class ConnectNeverEchoesTheTokenTest {
    private final Clock clock = Clock.systemUTC();
    private final TokenMinter minter = TokenMinter.hs256("a-test-secret-that-is-at-least-32-bytes-long", clock);
    private final ConnectHandler handler = new ConnectHandler(() -> new ConnectService(
            new Jose4jTokenVerifier(TokenSettings.of(minter.keySource()), clock), new InMemoryConnectionRepository(),
            Limits.DEFAULT, clock));

    /** Where the token goes and what else the client offers: the token as a protocol at some place, or not at all. */
    record Offer(String token, List<String> protocols, Optional<String> queryToken) {
    }

    @Property(tries = 300)
    void whateverTheClientOffers_theAnswerNeverContainsItsToken(@ForAll("offers") Offer offer) {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(Events.webSocket("connect-offering",
                Map.of("PROTOCOLS", String.join(", ", offer.protocols()),
                        "QUERY_TOKEN", offer.queryToken().orElse(""))), null);

        assertThat(response.getBody()).doesNotContain(offer.token());
        assertThat(Optional.ofNullable(response.getHeaders()).orElse(Map.of()).values())
                .noneMatch(value -> value.contains(offer.token()));
    }

    @Provide
    Arbitrary<Offer> offers() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
                        .map(user -> minter.mint(TokenRequest.forSubject(user).withTtl(Duration.ofHours(1)))),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
                        .ofMinLength(20).ofMaxLength(300));
        Arbitrary<List<String>> others = Arbitraries.of("herald", "chat", "graphql-ws", "v1.herald", "Herald")
                .list().ofMaxSize(3);
        Arbitrary<Integer> place = Arbitraries.integers().between(-1, 3);
        Arbitrary<Integer> query = Arbitraries.integers().between(0, 2);
        return tokens.flatMap(token -> others.flatMap(protocols -> place.flatMap(at -> query.map(q ->
                new Offer(token, withToken(protocols, token, at), q == 0 ? Optional.empty()
                        : Optional.of(q == 1 ? token : "not-the-token"))))));
    }

    /** The protocols with the token inserted at {@code at} (clamped), or left out when {@code at} is negative. */
    private static List<String> withToken(List<String> protocols, String token, int at) {
        List<String> offered = new ArrayList<>(protocols);
        if (at >= 0) {
            offered.add(Math.min(at, offered.size()), token);
        }
        return offered;
    }
}
