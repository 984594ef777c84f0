package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {
    private static final String PEM = TokenMinter.es256(Clock.systemUTC()).publicKeyPem();

    @Test
    void givenSecretOnly_fromEnvironment_usesDefaults() {
        TokenSettings settings = TokenSettings.fromEnvironment(Map.of("JWT_SECRET", LocalDevKeys.HS256_SECRET));

        assertThat(settings).isEqualTo(LocalDevKeys.settings());
        assertThat(settings.claimsClaim()).isEqualTo("claims");
        assertThat(settings.issuer()).isEmpty();
    }

    @Test
    void givenIssuerAudienceAndClaimsClaim_fromEnvironment_readsThem() {
        TokenSettings settings = TokenSettings.fromEnvironment(Map.of("PUBLIC_KEY", PEM,
                "JWT_ISSUER", "https://auth.test", "JWT_AUDIENCE", "herald", "JWT_CLAIMS_CLAIM", "entitlements"));

        assertThat(settings.issuer()).isEqualTo(Optional.of("https://auth.test"));
        assertThat(settings.audience()).isEqualTo(Optional.of("herald"));
        assertThat(settings.claimsClaim()).isEqualTo("entitlements");
        assertThat(settings.keySource().algorithms()).containsExactly("ES256");
    }

    @Test
    void givenNoKeyOrTwoKeys_fromEnvironment_refuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenSettings.fromEnvironment(Map.of("JWT_SECRET", " ")));
        assertThatIllegalArgumentException().isThrownBy(() -> TokenSettings.fromEnvironment(
                Map.of("JWT_SECRET", LocalDevKeys.HS256_SECRET, "JWKS_URL", "https://auth.test/jwks.json")));
    }

    @Test
    void givenShortSecret_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeySource.SharedSecret("too short"));
    }

    @Test
    void givenSecret_toStringDoesNotShowIt() {
        assertThat(LocalDevKeys.settings().toString()).doesNotContain(LocalDevKeys.HS256_SECRET);
    }

    @Test
    void givenPlainHttpJwksOffLoopback_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeySource.Jwks.at(URI.create("http://auth.test/jwks.json")));
        assertThat(KeySource.Jwks.at(URI.create("http://127.0.0.1:8080/jwks.json")).algorithms())
                .containsExactly("RS256", "ES256");
    }

    @Test
    void givenPublicKeySources_neverAllowHmacOrNone() {
        assertThat(KeySource.PublicKeyPem.fromPem(PEM).algorithms()).doesNotContain("HS256", "none");
        assertThat(KeySource.Jwks.at(URI.create("https://auth.test/jwks.json")).algorithms()).doesNotContain("HS256", "none");
    }

    @Test
    void givenGarbagePem_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeySource.PublicKeyPem.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n"));
    }

    @Test
    void givenClockSkewOverAMinute_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalDevKeys.settings().withClockSkew(Duration.ofSeconds(61)));
    }
}
