package adapters.memory;

import domain.Principal;
import domain.TokenRefusal;
import domain.TokenVerification;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import ports.TokenVerifier;

/**
 * Opaque tokens it issued itself, each with a principal and a validity window; a stand-in for
 * JWTs where signatures add nothing (the simulation and domain tests).
 */
@Singleton
public final class InMemoryTokenVerifier implements TokenVerifier {
    private static final String PREFIX = "mem.";

    private record Grant(Principal principal, Instant notBefore, Instant expiresAt) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public InMemoryTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Issues a token valid from now until {@code expiresAt}. */
    public String issue(Principal principal, Instant expiresAt) {
        return issue(principal, clock.instant(), expiresAt);
    }

    public String issue(Principal principal, Instant notBefore, Instant expiresAt) {
        String token = PREFIX + UUID.randomUUID();
        grants.put(token, new Grant(principal, notBefore, expiresAt));
        return token;
    }

    @Override
    public TokenVerification verify(String token) {
        if (token == null || token.isBlank()) {
            return TokenVerification.refused(TokenRefusal.MISSING, TokenRefusal.MISSING.meaning());
        }
        if (!token.startsWith(PREFIX)) {
            return TokenVerification.refused(TokenRefusal.MALFORMED, "not a token of this verifier");
        }
        Grant grant = grants.get(token);
        if (grant == null) {
            return TokenVerification.refused(TokenRefusal.BAD_SIGNATURE, "this verifier did not issue the token");
        }
        Instant now = clock.instant();
        if (!now.isBefore(grant.expiresAt())) {
            return TokenVerification.refused(TokenRefusal.EXPIRED, "expired at " + grant.expiresAt());
        }
        if (now.isBefore(grant.notBefore())) {
            return TokenVerification.refused(TokenRefusal.NOT_YET_VALID, "valid from " + grant.notBefore());
        }
        return new TokenVerification.Verified(grant.principal(), grant.expiresAt());
    }
}
