package adapters.jose4j;

import java.security.Key;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** A secret or private key with the algorithm and {@code kid} it signs under. */
record SigningKey(Key key, String algorithm, Optional<String> keyId) {
    private static final int RSA_BITS = 2048;

    static SigningKey hmac(byte[] secret) {
        return new SigningKey(new HmacKey(secret), AlgorithmIdentifiers.HMAC_SHA256, Optional.empty());
    }

    static SigningKey of(PublicJsonWebKey pair) {
        if (pair.getPrivateKey() == null) {
            throw new IllegalArgumentException("minting needs the private half of the key pair");
        }
        String algorithm = pair.getPublicKey() instanceof RSAPublicKey ? AlgorithmIdentifiers.RSA_USING_SHA256
                : AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
        return new SigningKey(pair.getPrivateKey(), algorithm, Optional.ofNullable(pair.getKeyId()));
    }

    static PublicJsonWebKey generate(String algorithm, String keyId) {
        try {
            PublicJsonWebKey pair = AlgorithmIdentifiers.RSA_USING_SHA256.equals(algorithm)
                    ? RsaJwkGenerator.generateJwk(RSA_BITS) : EcJwkGenerator.generateJwk(EllipticCurves.P256);
            pair.setKeyId(keyId);
            return pair;
        } catch (JoseException e) {
            throw new IllegalStateException("this JVM cannot generate " + algorithm + " keys", e);
        }
    }

    /** A fresh key of the same kind, algorithm and kid: what a forger without our key would use. */
    SigningKey stranger() {
        if (AlgorithmIdentifiers.HMAC_SHA256.equals(algorithm)) {
            byte[] secret = new byte[KeySource.SharedSecret.MIN_BYTES];
            new SecureRandom().nextBytes(secret);
            return hmac(secret);
        }
        return new SigningKey(generate(algorithm, keyId.orElse(null)).getPrivateKey(), algorithm, keyId);
    }

    String sign(String payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        keyId.ifPresent(jws::setKeyIdHeaderValue);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }
}
