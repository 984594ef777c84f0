package adapters.jose4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Resource;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;
import software.amazon.lambda.powertools.parameters.BaseProvider;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;

/**
 * A verification key read at run time through a Powertools parameters provider, which caches it for the endpoint's
 * refresh interval, so a rotated key is picked up without a deploy. After a SnapStart restore the cache is dropped:
 * the value in the snapshot may be older than the rotation. A key that cannot be read or used is reported as an
 * {@link IOException} cause, which {@link Refusals} turns into a retryable KEYS_UNAVAILABLE.
 */
final class StoredKey implements VerificationKeyResolver, Resource {
    private final String description;
    private final String name;
    private final Function<CacheManager, BaseProvider> providers;
    private final Function<String, Key> toKey;
    private final Duration refreshInterval;
    private volatile BaseProvider provider;

    private StoredKey(String description, String name, KeyStoreEndpoint store, Function<CacheManager, BaseProvider> providers,
                      Function<String, Key> toKey) {
        this.description = description;
        this.name = name;
        this.providers = providers;
        this.toKey = toKey;
        this.refreshInterval = store.refreshInterval();
    }

    static StoredKey of(KeySource.StoredSecret source) {
        return new StoredKey("the JWT secret " + source.secretId(), source.secretId(), source.store(),
                StoredKeyProviders.secrets(source.store()), StoredKey::hmacKey);
    }

    static StoredKey of(KeySource.StoredPublicKey source) {
        return new StoredKey("the public key " + source.parameterName(), source.parameterName(), source.store(),
                StoredKeyProviders.parameters(source.store()), pem -> KeySource.PublicKeyPem.fromPem(pem).key());
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String value;
        try {
            value = provider().get(name);
        } catch (RuntimeException e) {
            throw unavailable("could not be read: " + e.getMessage());
        }
        if (value == null) {
            throw unavailable("has no text value");
        }
        try {
            return toKey.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw unavailable("is not usable: " + e.getMessage());
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // The cached value may stay in the snapshot; it is dropped on restore.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        provider = null;
    }

    private BaseProvider provider() {
        BaseProvider current = provider;
        if (current == null) {
            CacheManager cacheManager = new CacheManager();
            cacheManager.setDefaultExpirationTime(refreshInterval);
            current = providers.apply(cacheManager);
            provider = current;
        }
        return current;
    }

    private UnresolvableKeyException unavailable(String problem) {
        return new UnresolvableKeyException(description + " " + problem, new IOException(description + " " + problem));
    }

    private static Key hmacKey(String secret) {
        return new HmacKey(new KeySource.SharedSecret(secret).secret().getBytes(StandardCharsets.UTF_8));
    }
}
