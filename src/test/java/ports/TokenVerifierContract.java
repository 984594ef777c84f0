package ports;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ClaimId;
import domain.Principal;
import domain.TokenRefusal;
import domain.TokenVerification;
import domain.UserId;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link TokenVerifier} must do; subclasses mint tokens the way their verifier accepts them. */
public abstract class TokenVerifierContract {
    protected static final Principal ALICE = new Principal(UserId.of("alice"), Set.of(ClaimId.of("C-1"), ClaimId.of("C-2")));

    protected abstract TokenVerifier verifier();

    /** A token for the principal that the verifier accepts, valid for the given time from now. */
    protected abstract String validToken(Principal principal, Duration validFor);

    /** A token for the principal that expired the given time ago. */
    protected abstract String expiredToken(Principal principal, Duration ago);

    @Test
    void givenValidToken_verify_returnsItsPrincipal() {
        TokenVerification verification = verifier().verify(validToken(ALICE, Duration.ofHours(1)));

        assertThat(verification).isInstanceOfSatisfying(TokenVerification.Verified.class,
                verified -> assertThat(verified.principal()).isEqualTo(ALICE));
    }

    @Test
    void givenExpiredToken_verify_refusesItAsExpired() {
        assertRefused(expiredToken(ALICE, Duration.ofMinutes(10)), TokenRefusal.EXPIRED);
    }

    @Test
    void givenNoToken_verify_refusesItAsMissing() {
        assertRefused("", TokenRefusal.MISSING);
        assertRefused(null, TokenRefusal.MISSING);
    }

    @Test
    void givenGarbage_verify_refusesItAsMalformed() {
        assertRefused("not a token at all", TokenRefusal.MALFORMED);
    }

    protected void assertRefused(String token, TokenRefusal reason) {
        assertThat(verifier().verify(token)).isInstanceOfSatisfying(TokenVerification.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
