package adapters.jose4j;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.lang.JoseException;

/**
 * Mints signed JWTs for local development and tests: HS256 with a shared secret, or RS256 /
 * ES256 with a key pair (generated, or loaded from a private JWK). Not for production issuance.
 */
public final class TokenMinter {
    private final SigningKey key;
    private final KeySource verifiedBy;
    private final Optional<PublicJsonWebKey> keyPair;
    private final Clock clock;
    private SigningKey wrongKey;

    private TokenMinter(SigningKey key, KeySource verifiedBy, Optional<PublicJsonWebKey> keyPair, Clock clock) {
        this.key = key;
        this.verifiedBy = verifiedBy;
        this.keyPair = keyPair;
        this.clock = clock;
    }

    public static TokenMinter hs256(String secret, Clock clock) {
        KeySource shared = new KeySource.SharedSecret(secret);
        return new TokenMinter(SigningKey.hmac(secret.getBytes(StandardCharsets.UTF_8)), shared, Optional.empty(), clock);
    }

    /** RS256 for an RSA pair, ES256 for a P-256 pair; the pair's kid goes into every token. */
    public static TokenMinter withKeyPair(PublicJsonWebKey pair, Clock clock) {
        KeySource publicKey = new KeySource.PublicKeyPem(pair.getPublicKey());
        return new TokenMinter(SigningKey.of(pair), publicKey, Optional.of(pair), clock);
    }

    /** A new RSA 2048 key pair with a random kid; {@link #privateJwk()} saves it for reuse. */
    public static TokenMinter rs256(Clock clock) {
        return withKeyPair(SigningKey.generate(AlgorithmIdentifiers.RSA_USING_SHA256, newKeyId()), clock);
    }

    public static TokenMinter es256(Clock clock) {
        return withKeyPair(SigningKey.generate(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, newKeyId()), clock);
    }

    /** Loads a key pair saved by {@link #privateJwk()}. */
    public static TokenMinter fromPrivateJwk(String json, Clock clock) {
        try {
            return withKeyPair(PublicJsonWebKey.Factory.newPublicJwk(json), clock);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JSON Web Key with a private part", e);
        }
    }

    public String mint(TokenRequest request) {
        SigningKey signer = request.wrongKey() ? wrongKey() : key;
        return signer.sign(request.claimsAt(clock.instant()).toJson());
    }

    /** Signs any claims, well-formed or not, with this minter's key: tests use it to forge odd tokens. */
    String sign(JwtClaims claims) {
        return key.sign(claims.toJson());
    }

    /** The key source a verifier needs to accept this minter's tokens. */
    public KeySource keySource() {
        return verifiedBy;
    }

    /** The public key as PEM, for {@code PUBLIC_KEY}; only for key-pair minters. */
    public String publicKeyPem() {
        return RsaKeyUtil.pemEncode(requirePair().getPublicKey());
    }

    /** The public key as a JWKS document, for serving at a {@code JWKS_URL}. */
    public String publicJwks() {
        return new JsonWebKeySet(requirePair()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The key pair, private half included, as a JWK: keep it out of version control. */
    public String privateJwk() {
        return requirePair().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    private synchronized SigningKey wrongKey() {
        if (wrongKey == null) {
            wrongKey = key.stranger();
        }
        return wrongKey;
    }

    private PublicJsonWebKey requirePair() {
        return keyPair.orElseThrow(() -> new IllegalStateException("an HS256 minter has no public key"));
    }

    private static String newKeyId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
