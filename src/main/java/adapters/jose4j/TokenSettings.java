package adapters.jose4j;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * How $connect verifies JWTs: one key source, the expected issuer and audience when
 * configured, the claim naming the entitled claim ids, the clock skew tolerated on
 * {@code exp}/{@code nbf}, and the longest token read at all.
 */
public record TokenSettings(KeySource keySource, Optional<String> issuer, Optional<String> audience,
        String claimsClaim, Duration clockSkew, int maxTokenLength) {
    public static final String DEFAULT_CLAIMS_CLAIM = "claims";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    /** API Gateway caps a $connect URL at 4096 characters; headers allow more, but no honest token needs 8 KiB. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;

    public TokenSettings {
        if (keySource == null) {
            throw new IllegalArgumentException("a key source is required");
        }
        if (claimsClaim == null || claimsClaim.isBlank()) {
            throw new IllegalArgumentException("the claims claim must be named");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " s");
        }
        if (maxTokenLength < 1) {
            throw new IllegalArgumentException("the maximum token length must be positive");
        }
    }

    /** Defaults for everything but the key: no issuer or audience check, claim {@code claims}. */
    public static TokenSettings of(KeySource keySource) {
        return new TokenSettings(keySource, Optional.empty(), Optional.empty(), DEFAULT_CLAIMS_CLAIM,
                DEFAULT_CLOCK_SKEW, DEFAULT_MAX_TOKEN_LENGTH);
    }

    public TokenSettings withIssuer(String expected) {
        return new TokenSettings(keySource, Optional.of(expected), audience, claimsClaim, clockSkew, maxTokenLength);
    }

    public TokenSettings withAudience(String expected) {
        return new TokenSettings(keySource, issuer, Optional.of(expected), claimsClaim, clockSkew, maxTokenLength);
    }

    public TokenSettings withClaimsClaim(String name) {
        return new TokenSettings(keySource, issuer, audience, name, clockSkew, maxTokenLength);
    }

    public TokenSettings withClockSkew(Duration skew) {
        return new TokenSettings(keySource, issuer, audience, claimsClaim, skew, maxTokenLength);
    }

    /**
     * Reads the key from exactly one of {@code JWT_SECRET_ID} (a Secrets Manager secret, read at run time),
     * {@code PUBLIC_KEY_PARAMETER} (an SSM parameter holding a PEM, read at run time), {@code JWKS_URL}, or, for the
     * local stack and tests, the values themselves in {@code JWT_SECRET} or {@code PUBLIC_KEY}; and the optional
     * {@code JWT_ISSUER}, {@code JWT_AUDIENCE} and {@code JWT_CLAIMS_CLAIM}; blank counts as unset. A stored key is read
     * in {@code AWS_REGION}, or from {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} / {@code AWS_ENDPOINT_URL_SSM} when set.
     */
    public static TokenSettings fromEnvironment(Map<String, String> env) {
        TokenSettings settings = of(keySourceFrom(env));
        settings = value(env, "JWT_ISSUER").map(settings::withIssuer).orElse(settings);
        settings = value(env, "JWT_AUDIENCE").map(settings::withAudience).orElse(settings);
        return value(env, "JWT_CLAIMS_CLAIM").map(settings::withClaimsClaim).orElse(settings);
    }

    private static KeySource keySourceFrom(Map<String, String> env) {
        List<KeySource> sources = new ArrayList<>();
        value(env, "JWT_SECRET").ifPresent(secret -> sources.add(new KeySource.SharedSecret(secret)));
        value(env, "PUBLIC_KEY").ifPresent(pem -> sources.add(KeySource.PublicKeyPem.fromPem(pem)));
        value(env, "JWKS_URL").ifPresent(url -> sources.add(KeySource.Jwks.at(URI.create(url))));
        value(env, "JWT_SECRET_ID").ifPresent(id -> sources.add(
                new KeySource.StoredSecret(id, store(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER"))));
        value(env, "PUBLIC_KEY_PARAMETER").ifPresent(name -> sources.add(
                new KeySource.StoredPublicKey(name, store(env, "AWS_ENDPOINT_URL_SSM"))));
        if (sources.size() != 1) {
            throw new IllegalArgumentException("set exactly one of JWT_SECRET_ID, PUBLIC_KEY_PARAMETER, JWKS_URL, JWT_SECRET,"
                    + " PUBLIC_KEY; found " + sources.size());
        }
        return sources.get(0);
    }

    private static KeyStoreEndpoint store(Map<String, String> env, String endpointVariable) {
        String region = value(env, "AWS_REGION")
                .orElseThrow(() -> new IllegalArgumentException("AWS_REGION is needed to read a stored key"));
        return KeyStoreEndpoint.of(Region.of(region), value(env, endpointVariable).map(URI::create));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
