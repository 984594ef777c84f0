package adapters.jose4j;

import java.time.Clock;

/**
 * The well-known HS256 secret of the local stack, for LOCAL DEVELOPMENT AND TESTS ONLY. It is
 * public (it is right here), so anyone can mint tokens that a verifier using it accepts: never
 * make it the {@code JWT_SECRET} of a deployed stack. The verifier logs a warning if it is.
 */
public final class LocalDevKeys {
    public static final String HS256_SECRET = "herald-local-development-only-secret-never-deploy";

    private LocalDevKeys() {
    }

    /** Verifier settings for the local stack: the well-known secret, no issuer or audience check. */
    public static TokenSettings settings() {
        return TokenSettings.of(new KeySource.SharedSecret(HS256_SECRET));
    }

    /** A minter whose tokens {@link #settings()} accepts. */
    public static TokenMinter minter(Clock clock) {
        return TokenMinter.hs256(HS256_SECRET, clock);
    }
}
