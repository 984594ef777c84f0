package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;

import domain.TokenRefusal;
import domain.TokenVerification;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JWKS key source against a real endpoint on loopback: cached, refreshed once per unknown kid. */
class JwksKeyRefreshTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);
    private static final TokenMinter CURRENT = TokenMinter.rs256(CLOCK);
    private static final TokenMinter ROTATED = TokenMinter.es256(CLOCK);
    private static final TokenRequest REQUEST = TokenRequest.forSubject("u1");
    private final JwksServer server = serving(CURRENT.publicJwks());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void givenManyVerifications_theKeySetIsFetchedOnce() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ZERO);

        for (int i = 0; i < 20; i++) {
            assertThat(verifier.verify(CURRENT.mint(REQUEST))).isInstanceOf(TokenVerification.Verified.class);
        }

        assertThat(server.fetches()).isEqualTo(1);
    }

    @Test
    void givenUnknownKid_verify_refreshesExactlyOnceThenRefuses() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ZERO);
        verifier.verify(CURRENT.mint(REQUEST));

        TokenVerification verification = verifier.verify(ROTATED.mint(REQUEST));

        assertThat(verification).isEqualTo(
                TokenVerification.refused(TokenRefusal.BAD_SIGNATURE, "no known key matches the token's kid"));
        assertThat(server.fetches()).isEqualTo(2);
    }

    @Test
    void givenRotatedKeyPublished_unknownKid_refreshesOnceAndIsAccepted() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ZERO);
        verifier.verify(CURRENT.mint(REQUEST));
        server.publish(bothKeys());

        assertThat(verifier.verify(ROTATED.mint(REQUEST))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(verifier.verify(ROTATED.mint(REQUEST))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(verifier.verify(CURRENT.mint(REQUEST))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(server.fetches()).isEqualTo(2);
    }

    @Test
    void givenRefreshWithinCooldown_unknownKid_isRefusedWithoutFetching() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ofHours(1));
        verifier.verify(CURRENT.mint(REQUEST));
        server.publish(bothKeys());

        assertThat(verifier.verify(ROTATED.mint(REQUEST))).isInstanceOf(TokenVerification.Refused.class);
        assertThat(server.fetches()).isEqualTo(1);
    }

    @Test
    void givenForgedAlgorithm_verify_refusesWithoutRefetching() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ZERO);
        verifier.verify(CURRENT.mint(REQUEST));

        TokenVerification verification = verifier.verify(LocalDevKeys.minter(CLOCK).mint(REQUEST));

        assertThat(verification).isEqualTo(
                TokenVerification.refused(TokenRefusal.BAD_SIGNATURE, "the token's algorithm is not allowed"));
        assertThat(server.fetches()).isEqualTo(1);
    }

    @Test
    void givenUnreachableEndpoint_verify_refusesWithoutThrowing() {
        Jose4jTokenVerifier verifier = verifierWithCooldown(Duration.ZERO);
        server.close();

        assertThat(verifier.verify(CURRENT.mint(REQUEST))).isEqualTo(
                TokenVerification.refused(TokenRefusal.KEYS_UNAVAILABLE, TokenRefusal.KEYS_UNAVAILABLE.meaning()));
    }

    private Jose4jTokenVerifier verifierWithCooldown(Duration cooldown) {
        return new Jose4jTokenVerifier(TokenSettings.of(new KeySource.Jwks(server.url(), cooldown)), CLOCK);
    }

    private static String bothKeys() {
        try {
            JsonWebKeySet keys = new JsonWebKeySet(CURRENT.publicJwks());
            new JsonWebKeySet(ROTATED.publicJwks()).getJsonWebKeys().forEach(keys::addJsonWebKey);
            return keys.toJson();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwksServer serving(String jwks) {
        try {
            return JwksServer.serving(jwks);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
