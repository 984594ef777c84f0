package adapters.jose4j;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EcKeyUtil;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.RsaKeyUtil;
import org.jose4j.lang.JoseException;

/** Where the verifier finds the key that signed a token; a deployment configures exactly one. */
public sealed interface KeySource {

    /** The signature algorithms a token may use with this key source: never none, never HMAC beside public keys. */
    List<String> algorithms();

    /** HS256 with a secret shared with the token issuer. */
    record SharedSecret(String secret) implements KeySource {
        public static final int MIN_BYTES = 32;

        public SharedSecret {
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new IllegalArgumentException("the HS256 secret must be at least " + MIN_BYTES + " bytes");
            }
        }

        @Override
        public List<String> algorithms() {
            return List.of(AlgorithmIdentifiers.HMAC_SHA256);
        }

        @Override
        public String toString() {
            return "SharedSecret[redacted]";
        }
    }

    /**
     * HS256 with a secret kept in Secrets Manager, read at run time and cached: the function's configuration holds
     * only the secret's name or ARN, never its value.
     */
    record StoredSecret(String secretId, KeyStoreEndpoint store) implements KeySource {
        public StoredSecret {
            if (secretId == null || secretId.isBlank()) {
                throw new IllegalArgumentException("the Secrets Manager secret must be named");
            }
        }

        @Override
        public List<String> algorithms() {
            return List.of(AlgorithmIdentifiers.HMAC_SHA256);
        }
    }

    /** An RSA (RS256) or P-256 (ES256) public key, as PEM, kept in an SSM parameter, read at run time and cached. */
    record StoredPublicKey(String parameterName, KeyStoreEndpoint store) implements KeySource {
        public StoredPublicKey {
            if (parameterName == null || !parameterName.startsWith("/")) {
                throw new IllegalArgumentException("the SSM parameter must be named by its full path, starting with /");
            }
        }

        @Override
        public List<String> algorithms() {
            return List.of(AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        }
    }

    /** One RSA (RS256) or P-256 (ES256) public key; {@link #fromPem} reads the usual {@code BEGIN PUBLIC KEY} form. */
    record PublicKeyPem(PublicKey key) implements KeySource {
        public PublicKeyPem {
            if (!(key instanceof RSAPublicKey) && !isP256(key)) {
                throw new IllegalArgumentException("the public key must be RSA (RS256) or EC P-256 (ES256)");
            }
        }

        /** Reads a PEM public key (SubjectPublicKeyInfo) holding an RSA or an EC P-256 key. */
        public static PublicKeyPem fromPem(String pem) {
            try {
                return new PublicKeyPem(new RsaKeyUtil().fromPemEncoded(pem));
            } catch (InvalidKeySpecException notRsa) {
                return new PublicKeyPem(ecFromPem(pem));
            } catch (JoseException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("the public key is not a PEM RSA or EC public key", e);
            }
        }

        private static PublicKey ecFromPem(String pem) {
            try {
                return new EcKeyUtil().fromPemEncoded(pem);
            } catch (JoseException | InvalidKeySpecException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("the public key is not a PEM RSA or EC public key", e);
            }
        }

        @Override
        public List<String> algorithms() {
            return List.of(key instanceof RSAPublicKey ? AlgorithmIdentifiers.RSA_USING_SHA256
                    : AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        }

        private static boolean isP256(PublicKey key) {
            return key instanceof ECPublicKey ec
                    && EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve()));
        }
    }

    /**
     * RS256 or ES256 keys from a JWKS endpoint, cached; a token with an unknown {@code kid}
     * triggers one refresh, unless the last refresh is younger than {@code refreshCooldown}.
     */
    record Jwks(URI url, Duration refreshCooldown) implements KeySource {
        /** Bounds how often forged kids can make us fetch, yet lets a rotated key in quickly. */
        public static final Duration DEFAULT_REFRESH_COOLDOWN = Duration.ofSeconds(30);

        public Jwks {
            if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && isLoopback(url))) {
                throw new IllegalArgumentException("the JWKS URL must be https (plain http only on loopback)");
            }
            if (refreshCooldown.isNegative()) {
                throw new IllegalArgumentException("the JWKS refresh cooldown must not be negative");
            }
        }

        public static Jwks at(URI url) {
            return new Jwks(url, DEFAULT_REFRESH_COOLDOWN);
        }

        @Override
        public List<String> algorithms() {
            return List.of(AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        }

        /** Literal loopback names only: resolving a name here would trust DNS with the downgrade. */
        private static boolean isLoopback(URI url) {
            String host = url.getHost();
            return "localhost".equals(host) || "[::1]".equals(host) || (host != null && host.startsWith("127."));
        }
    }
}
