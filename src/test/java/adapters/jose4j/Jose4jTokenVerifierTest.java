package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ClaimId;
import domain.Principal;
import domain.TokenRefusal;
import domain.TokenVerification;
import domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ports.TokenVerifier;
import ports.TokenVerifierContract;

class Jose4jTokenVerifierTest extends TokenVerifierContract {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenMinter minter = LocalDevKeys.minter(clock);
    private final Jose4jTokenVerifier verifier = new Jose4jTokenVerifier(LocalDevKeys.settings(), clock);

    @Override
    protected TokenVerifier verifier() {
        return verifier;
    }

    @Override
    protected String validToken(Principal principal, Duration validFor) {
        return minter.mint(requestFor(principal).withTtl(validFor));
    }

    @Override
    protected String expiredToken(Principal principal, Duration ago) {
        return minter.mint(requestFor(principal).withTtl(ago).expired());
    }

    @Test
    void givenValidToken_verify_reportsItsExpiry() {
        TokenVerification verification = verifier.verify(minter.mint(TokenRequest.forSubject("u1").withTtl(Duration.ofMinutes(5))));

        assertThat(verification).isEqualTo(new TokenVerification.Verified(
                new Principal(UserId.of("u1"), Set.of()), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void givenTokenExpiredWithinClockSkew_verify_acceptsIt() {
        Jose4jTokenVerifier skewed = new Jose4jTokenVerifier(LocalDevKeys.settings().withClockSkew(Duration.ofSeconds(60)), clock);

        String token = minter.mint(TokenRequest.forSubject("u1").withTtl(Duration.ofSeconds(30)).expired());

        assertThat(skewed.verify(token)).isInstanceOf(TokenVerification.Verified.class);
    }

    @Test
    void givenTokenNotValidYet_verify_refusesIt() {
        assertRefused(minter.mint(TokenRequest.forSubject("u1").notYetValid()), TokenRefusal.NOT_YET_VALID);
    }

    @Test
    void givenTokenSignedWithAnotherSecret_verify_refusesItsSignature() {
        assertRefused(minter.mint(TokenRequest.forSubject("u1").signedWithWrongKey()), TokenRefusal.BAD_SIGNATURE);
    }

    @Test
    void givenIssuerAndAudienceConfigured_verify_acceptsATokenNamingBoth() {
        Jose4jTokenVerifier strict = new Jose4jTokenVerifier(
                LocalDevKeys.settings().withIssuer("https://auth.test").withAudience("herald"), clock);

        String token = minter.mint(TokenRequest.forSubject("u1").withIssuer("https://auth.test").withAudience("herald"));

        assertThat(strict.verify(token)).isInstanceOf(TokenVerification.Verified.class);
    }

    @Test
    void givenConfiguredClaimsClaim_verify_readsEntitlementsFromIt() {
        Jose4jTokenVerifier custom = new Jose4jTokenVerifier(LocalDevKeys.settings().withClaimsClaim("herald/claims"), clock);

        String token = minter.mint(requestFor(ALICE).withClaimsClaim("herald/claims"));

        assertThat(custom.verify(token)).isInstanceOfSatisfying(TokenVerification.Verified.class,
                verified -> assertThat(verified.principal()).isEqualTo(ALICE));
    }

    @Test
    void givenRs256TokenAndPemPublicKey_verify_acceptsIt() {
        assertAcceptedWithPublicKeyFrom(TokenMinter.rs256(clock));
    }

    @Test
    void givenEs256TokenAndPemPublicKey_verify_acceptsIt() {
        assertAcceptedWithPublicKeyFrom(TokenMinter.es256(clock));
    }

    @Test
    void givenRs256MinterReloadedFromItsPrivateJwk_verify_acceptsItsTokens() {
        TokenMinter original = TokenMinter.rs256(clock);
        TokenMinter reloaded = TokenMinter.fromPrivateJwk(original.privateJwk(), clock);
        Jose4jTokenVerifier pem = new Jose4jTokenVerifier(TokenSettings.fromEnvironment(Map.of("PUBLIC_KEY", original.publicKeyPem())), clock);

        assertThat(pem.verify(reloaded.mint(requestFor(ALICE)))).isInstanceOf(TokenVerification.Verified.class);
    }

    private void assertAcceptedWithPublicKeyFrom(TokenMinter keyPairMinter) {
        TokenSettings settings = TokenSettings.fromEnvironment(Map.of("PUBLIC_KEY", keyPairMinter.publicKeyPem()));
        Jose4jTokenVerifier pem = new Jose4jTokenVerifier(settings, clock);

        assertThat(pem.verify(keyPairMinter.mint(requestFor(ALICE)))).isInstanceOfSatisfying(TokenVerification.Verified.class,
                verified -> assertThat(verified.principal()).isEqualTo(ALICE));
    }

    private static TokenRequest requestFor(Principal principal) {
        List<String> claims = principal.entitledClaims().stream().map(ClaimId::value).sorted().toList();
        return TokenRequest.forSubject(principal.userId().value()).withClaims(claims);
    }
}
