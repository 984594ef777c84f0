package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;

import domain.TokenRefusal;
import domain.TokenVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ports.TokenVerifier;

/** Hostile and broken tokens, each refused for the right reason by both public-key configurations. */
class TokenCorpusTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String ISSUER = "https://auth.test";
    private static final String AUDIENCE = "herald";
    private static final TokenMinter MINTER = TokenMinter.rs256(CLOCK);
    private static final TokenMinter STRANGER = TokenMinter.rs256(CLOCK);
    private static JwksServer jwksServer;
    private static Map<String, TokenVerifier> verifiers;

    private record Case(TokenRefusal expected, Function<TokenMinter, String> token) {
    }

    @BeforeAll
    static void startJwksServer() throws IOException {
        jwksServer = JwksServer.serving(MINTER.publicJwks());
        verifiers = Map.of(
                "PUBLIC_KEY", verifier(Map.of("PUBLIC_KEY", MINTER.publicKeyPem())),
                "JWKS_URL", verifier(Map.of("JWKS_URL", jwksServer.url().toString())));
    }

    @AfterAll
    static void stopJwksServer() {
        jwksServer.close();
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                refused("alg none", TokenRefusal.BAD_SIGNATURE, TokenCorpusTest::unsigned),
                refused("HS256 signed with the RSA public key (algorithm confusion)", TokenRefusal.BAD_SIGNATURE,
                        TokenCorpusTest::hmacWithPublicKey),
                refused("expired", TokenRefusal.EXPIRED, m -> m.mint(valid().expired())),
                refused("not yet valid", TokenRefusal.NOT_YET_VALID, m -> m.mint(valid().notYetValid())),
                refused("wrong issuer", TokenRefusal.WRONG_ISSUER, m -> m.mint(valid().withIssuer("https://evil.test"))),
                refused("no issuer", TokenRefusal.WRONG_ISSUER, m -> m.sign(claimsWithout("iss"))),
                refused("wrong audience", TokenRefusal.WRONG_AUDIENCE, m -> m.mint(valid().withAudience("another-app"))),
                refused("tampered payload", TokenRefusal.BAD_SIGNATURE, TokenCorpusTest::tampered),
                refused("bad base64", TokenRefusal.MALFORMED, m -> "e%%%.eyJzdWIiOiJ1MSJ9.c2ln"),
                refused("signed by an unknown key with an unknown kid", TokenRefusal.BAD_SIGNATURE, m -> STRANGER.mint(valid())),
                refused("signed by a wrong key under the right kid", TokenRefusal.BAD_SIGNATURE, m -> m.mint(valid().signedWithWrongKey())),
                refused("missing sub", TokenRefusal.MALFORMED, m -> m.sign(claimsWithout("sub"))),
                refused("missing exp", TokenRefusal.MALFORMED, m -> m.sign(claimsWithout("exp"))),
                refused("oversized", TokenRefusal.MALFORMED, m -> m.mint(valid().withClaims(Collections.nCopies(1000, "C-12345")))),
                refused("claims not an array", TokenRefusal.MALFORMED, m -> m.sign(with(claimsWithout(), "claims", "C-1"))),
                refused("claims an array of numbers", TokenRefusal.MALFORMED,
                        m -> m.sign(with(claimsWithout(), "claims", List.of(1, 2)))),
                refused("sub longer than a user id may be", TokenRefusal.MALFORMED, m -> m.mint(
                        TokenRequest.forSubject("u".repeat(300)).withIssuer(ISSUER).withAudience(AUDIENCE))),
                refused("encrypted (JWE) instead of signed", TokenRefusal.MALFORMED, TokenCorpusTest::encrypted),
                refused("only two segments", TokenRefusal.MALFORMED, m -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9"),
                refused("plain garbage", TokenRefusal.MALFORMED, m -> "not a token at all"))
                .flatMap(arguments -> Stream.of("PUBLIC_KEY", "JWKS_URL").map(source -> Arguments.of(arguments.get()[0], source)));
    }

    @ParameterizedTest(name = "{0}, with {1}")
    @MethodSource("corpus")
    void hostileToken_isRefusedForTheRightReason_andTheDetailNeverQuotesIt(Case corpusCase, String keySource) {
        String token = corpusCase.token().apply(MINTER);

        TokenVerification verification = verifiers.get(keySource).verify(token);

        assertThat(verification).isInstanceOfSatisfying(TokenVerification.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(corpusCase.expected());
            assertThat(refused.detail()).isNotBlank().doesNotContain(token).doesNotContain(token.split("\\.")[0]);
        });
    }

    @Test
    void theValidTokenTheCorpusMutates_isAccepted() {
        verifiers.values().forEach(verifier ->
                assertThat(verifier.verify(MINTER.mint(valid()))).isInstanceOf(TokenVerification.Verified.class));
    }

    @Test
    void missingSub_isRefusedSayingSo() {
        assertThat(verifiers.get("PUBLIC_KEY").verify(MINTER.sign(claimsWithout("sub"))))
                .isEqualTo(TokenVerification.refused(TokenRefusal.MALFORMED, "missing sub"));
    }

    @Test
    void randomlyMutatedTokens_neverMakeVerifyThrow() {
        String token = MINTER.mint(valid().withClaims(List.of("C-1", "C-2")));
        Random random = new Random(20300101L);
        for (int i = 0; i < 500; i++) {
            char[] mutated = token.toCharArray();
            mutated[random.nextInt(mutated.length)] = (char) (32 + random.nextInt(95));
            assertThat(verifiers.get("PUBLIC_KEY").verify(new String(mutated))).isNotNull();
        }
    }

    private static Arguments refused(String name, TokenRefusal expected, Function<TokenMinter, String> token) {
        return Arguments.of(Named.of(name, new Case(expected, token)));
    }

    private static TokenVerifier verifier(Map<String, String> keyEnvironment) {
        Map<String, String> env = new HashMap<>(keyEnvironment);
        env.put("JWT_ISSUER", ISSUER);
        env.put("JWT_AUDIENCE", AUDIENCE);
        return new Jose4jTokenVerifier(TokenSettings.fromEnvironment(env), CLOCK);
    }

    private static TokenRequest valid() {
        return TokenRequest.forSubject("u1").withClaims(List.of("C-1")).withIssuer(ISSUER).withAudience(AUDIENCE);
    }

    private static JwtClaims claimsWithout(String... omitted) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("u1");
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAt(NumericDate.fromMilliseconds(CLOCK.millis()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(CLOCK.instant().plusSeconds(3600).toEpochMilli()));
        for (String name : omitted) {
            claims.unsetClaim(name);
        }
        return claims;
    }

    private static JwtClaims with(JwtClaims claims, String name, Object value) {
        claims.setClaim(name, value);
        return claims;
    }

    private static String unsigned(TokenMinter minter) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsWithout().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /** The classic attack: a verifier that trusts the header would HMAC-check with its public key's bytes. */
    private static String hmacWithPublicKey(TokenMinter minter) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsWithout().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(minter.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        return serialize(jws);
    }

    private static String encrypted(TokenMinter minter) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(claimsWithout().toJson());
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
        jwe.setKey(new AesKey(new byte[32]));
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tampered(TokenMinter minter) {
        String[] parts = minter.mint(valid()).split("\\.");
        JwtClaims forged = claimsWithout();
        forged.setSubject("admin");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toJson().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
