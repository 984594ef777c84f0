package domain;

import java.time.Instant;

/** The verdict on a bearer token. */
public sealed interface TokenVerification {

    record Verified(Principal principal, Instant expiresAt) implements TokenVerification {
    }

    record Refused(TokenRefusal reason, String detail) implements TokenVerification {
    }

    static TokenVerification refused(TokenRefusal reason, String detail) {
        return new Refused(reason, detail);
    }
}
