package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;

import domain.TokenRefusal;
import domain.TokenVerification;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The key read at run time from Secrets Manager and SSM, both played by moto over their real protocols. */
class StoredKeyIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String FIRST = "the-first-secret-of-at-least-32-bytes-long";
    private static final String ROTATED = "the-rotated-secret-of-at-least-32-bytes-long";

    private final SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    private final SsmClient parameters = SsmClient.builder().endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    private final String secretId = "herald/jwt-secret-" + UUID.randomUUID();

    private Jose4jTokenVerifier verifier(Map<String, String> keyVariables, Duration refreshInterval) {
        Map<String, String> environment = new HashMap<>(keyVariables);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", MotoServer.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SSM", MotoServer.endpoint().toString());
        TokenSettings settings = TokenSettings.fromEnvironment(environment);
        KeySource source = settings.keySource();
        if (source instanceof KeySource.StoredSecret stored) {
            source = new KeySource.StoredSecret(stored.secretId(), stored.store().withRefreshInterval(refreshInterval));
        }
        return new Jose4jTokenVerifier(new TokenSettings(source, settings.issuer(), settings.audience(),
                settings.claimsClaim(), settings.clockSkew(), settings.maxTokenLength()), CLOCK);
    }

    private static String tokenSignedWith(String secret) {
        return TokenMinter.hs256(secret, CLOCK).mint(TokenRequest.forSubject("alice"));
    }

    @Test
    void aTokenSignedWithTheStoredSecret_isAccepted_andOneSignedWithAnotherKeyIsNot() {
        secrets.createSecret(create -> create.name(secretId).secretString(FIRST));
        Jose4jTokenVerifier verifier = verifier(Map.of("JWT_SECRET_ID", secretId), Duration.ofMinutes(5));

        assertThat(verifier.verify(tokenSignedWith(FIRST))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(verifier.verify(tokenSignedWith(ROTATED))).isEqualTo(
                new TokenVerification.Refused(TokenRefusal.BAD_SIGNATURE, "the signature does not match the token"));
    }

    @Test
    void aRotatedSecret_isPickedUpOnceTheCachedValueExpires() {
        secrets.createSecret(create -> create.name(secretId).secretString(FIRST));
        Jose4jTokenVerifier verifier = verifier(Map.of("JWT_SECRET_ID", secretId), Duration.ZERO);
        assertThat(verifier.verify(tokenSignedWith(FIRST))).isInstanceOf(TokenVerification.Verified.class);

        secrets.putSecretValue(put -> put.secretId(secretId).secretString(ROTATED));

        assertThat(verifier.verify(tokenSignedWith(ROTATED))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(verifier.verify(tokenSignedWith(FIRST))).isInstanceOf(TokenVerification.Refused.class);
    }

    @Test
    void withinTheRefreshInterval_theCachedSecretIsUsed_untilARestoreDropsIt() throws Exception {
        secrets.createSecret(create -> create.name(secretId).secretString(FIRST));
        Jose4jTokenVerifier verifier = verifier(Map.of("JWT_SECRET_ID", secretId), Duration.ofHours(1));
        verifier.verify(tokenSignedWith(FIRST));
        secrets.putSecretValue(put -> put.secretId(secretId).secretString(ROTATED));
        assertThat(verifier.verify(tokenSignedWith(ROTATED))).as("cached").isInstanceOf(TokenVerification.Refused.class);

        verifier.snapshotHook().afterRestore(null);

        assertThat(verifier.verify(tokenSignedWith(ROTATED))).isInstanceOf(TokenVerification.Verified.class);
    }

    @Test
    void aSecretThatCannotBeRead_isKeysUnavailable_whichTheClientMayRetry() {
        Jose4jTokenVerifier verifier = verifier(Map.of("JWT_SECRET_ID", secretId), Duration.ofMinutes(5));

        TokenVerification verification = verifier.verify(tokenSignedWith(FIRST));

        assertThat(verification).isEqualTo(new TokenVerification.Refused(TokenRefusal.KEYS_UNAVAILABLE,
                TokenRefusal.KEYS_UNAVAILABLE.meaning()));
        assertThat(TokenRefusal.KEYS_UNAVAILABLE.isFinal()).isFalse();
    }

    @Test
    void aStoredSecretShorterThan32Bytes_isKeysUnavailable_notAnAcceptedWeakKey() {
        secrets.createSecret(create -> create.name(secretId).secretString("too-short"));
        Jose4jTokenVerifier verifier = verifier(Map.of("JWT_SECRET_ID", secretId), Duration.ofMinutes(5));

        assertThat(verifier.verify(tokenSignedWith(FIRST))).extracting("reason").isEqualTo(TokenRefusal.KEYS_UNAVAILABLE);
    }

    @Test
    void aPublicKeyInAnSsmParameter_verifiesTheTokensOfItsPrivateKey() {
        TokenMinter issuer = TokenMinter.es256(CLOCK);
        String name = "/herald/jwt-public-key-" + UUID.randomUUID();
        parameters.putParameter(put -> put.name(name).type(ParameterType.STRING).value(issuer.publicKeyPem()));
        Jose4jTokenVerifier verifier = verifier(Map.of("PUBLIC_KEY_PARAMETER", name), Duration.ofMinutes(5));

        assertThat(verifier.verify(issuer.mint(TokenRequest.forSubject("alice")))).isInstanceOf(TokenVerification.Verified.class);
        assertThat(verifier.verify(TokenMinter.es256(CLOCK).mint(TokenRequest.forSubject("alice"))))
                .extracting("reason").isEqualTo(TokenRefusal.BAD_SIGNATURE);
    }
}
