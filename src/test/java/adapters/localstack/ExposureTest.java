package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `herald local` says what other machines can reach whenever it listens beyond loopback. */
class ExposureTest {
    private final LocalStackSettings defaults = LocalStackSettings.defaults();

    @Test
    void onLoopback_nothingIsSaid() {
        for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
            assertThat(Exposure.warning(on(host, false))).as(host).isEmpty();
        }
    }

    @Test
    void onEveryAddress_theWarningNamesWhatIsExposed_andThatDevStaysLocal() {
        assertThat(Exposure.warning(on("0.0.0.0", false))).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("WARNING: herald local listens on 0.0.0.0")
                .contains("ws://0.0.0.0:3001/prod", "@connections", "signatures are not checked", "test page",
                        "not the development endpoints under /dev/", "--dev-endpoints-from-any-address"));
    }

    @Test
    void withDevEndpointsOpened_theWarningSaysAnyoneCanMintTokens() {
        assertThat(Exposure.warning(on("0.0.0.0", true))).hasValueSatisfying(warning -> assertThat(warning)
                .contains("POST /dev/token mints tokens the stack accepts for any user"));
    }

    private LocalStackSettings on(String host, boolean devEndpointsFromAnyAddress) {
        return new LocalStackSettings(defaults.template(), defaults.terraform(), host, defaults.gatewayPort(),
                defaults.sqsPort(), defaults.envVars(), defaults.dynamoDb(), defaults.idleTimeout(),
                defaults.maxConnectionDuration(), defaults.visibilityTimeout(), defaults.handshakeTimeout(),
                devEndpointsFromAnyAddress);
    }
}
