package adapters.jose4j;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.List;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link KeySource} into jose4j's key resolver and algorithm allow-list. */
final class VerificationKeys {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationKeys.class);
    /** $connect must answer within API Gateway's 29 s; jose4j's defaults (20 s, 3 retries) would not. */
    private static final int JWKS_TIMEOUT_MILLIS = 3_000;
    private static final int JWKS_RETRIES = 1;

    private VerificationKeys() {
    }

    static AlgorithmConstraints allowList(KeySource source) {
        return new AlgorithmConstraints(ConstraintType.PERMIT, source.algorithms().toArray(String[]::new));
    }

    static VerificationKeyResolver resolver(KeySource source) {
        return resolver(source, keyResolver(source));
    }

    /** {@code keys} is {@link #keyResolver}'s answer, kept by the caller when it must also be a snapshot hook. */
    static VerificationKeyResolver resolver(KeySource source, VerificationKeyResolver keys) {
        return allowListedFirst(source.algorithms(), keys);
    }

    static VerificationKeyResolver keysOf(KeySource source) {
        return keyResolver(source);
    }

    /**
     * jose4j applies the allow-list only after resolving the key; checking it first keeps a
     * token with a forged {@code alg} from making us refetch the JWKS.
     */
    private static VerificationKeyResolver allowListedFirst(List<String> algorithms, VerificationKeyResolver resolver) {
        return (jws, nestingContext) -> {
            if (!algorithms.contains(jws.getAlgorithmHeaderValue())) {
                throw new UnresolvableKeyException("algorithm not allowed",
                        new InvalidAlgorithmException("allowed: " + algorithms));
            }
            return resolver.resolveKey(jws, nestingContext);
        };
    }

    private static VerificationKeyResolver keyResolver(KeySource source) {
        if (source instanceof KeySource.StoredSecret stored) {
            return StoredKey.of(stored);
        }
        if (source instanceof KeySource.StoredPublicKey stored) {
            return StoredKey.of(stored);
        }
        if (source instanceof KeySource.SharedSecret shared) {
            warnIfWellKnown(shared);
            return fixed(new HmacKey(shared.secret().getBytes(StandardCharsets.UTF_8)));
        }
        if (source instanceof KeySource.PublicKeyPem pem) {
            return fixed(pem.key());
        }
        return jwksResolver((KeySource.Jwks) source);
    }

    private static VerificationKeyResolver fixed(Key key) {
        return (jws, nestingContext) -> key;
    }

    private static VerificationKeyResolver jwksResolver(KeySource.Jwks source) {
        Get get = new Get();
        get.setConnectTimeout(JWKS_TIMEOUT_MILLIS);
        get.setReadTimeout(JWKS_TIMEOUT_MILLIS);
        get.setRetries(JWKS_RETRIES);
        HttpsJwks jwks = new HttpsJwks(source.url().toString());
        jwks.setSimpleHttpGet(get);
        jwks.setRefreshReprieveThreshold(source.refreshCooldown().toMillis());
        return new HttpsJwksVerificationKeyResolver(jwks);
    }

    private static void warnIfWellKnown(KeySource.SharedSecret shared) {
        if (LocalDevKeys.HS256_SECRET.equals(shared.secret())) {
            LOG.warn("JWT_SECRET is the public local development secret: anyone can mint accepted tokens");
        }
    }
}
