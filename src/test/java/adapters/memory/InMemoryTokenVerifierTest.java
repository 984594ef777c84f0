package adapters.memory;

import domain.Principal;
import domain.TokenRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ports.TokenVerifier;
import ports.TokenVerifierContract;

class InMemoryTokenVerifierTest extends TokenVerifierContract {
    private final Clock clock = Clock.systemUTC();
    private final InMemoryTokenVerifier verifier = new InMemoryTokenVerifier(clock);

    @Override
    protected TokenVerifier verifier() {
        return verifier;
    }

    @Override
    protected String validToken(Principal principal, Duration validFor) {
        return verifier.issue(principal, clock.instant().plus(validFor));
    }

    @Override
    protected String expiredToken(Principal principal, Duration ago) {
        Instant expiry = clock.instant().minus(ago);
        return verifier.issue(principal, expiry.minus(Duration.ofHours(1)), expiry);
    }

    @Test
    void givenTokenFromAnotherVerifier_verify_refusesItsSignature() {
        String foreign = new InMemoryTokenVerifier(clock).issue(ALICE, clock.instant().plusSeconds(60));

        assertRefused(foreign, TokenRefusal.BAD_SIGNATURE);
    }

    @Test
    void givenTokenNotValidYet_verify_refusesIt() {
        Instant later = clock.instant().plusSeconds(600);

        assertRefused(verifier.issue(ALICE, later, later.plusSeconds(600)), TokenRefusal.NOT_YET_VALID);
    }
}
