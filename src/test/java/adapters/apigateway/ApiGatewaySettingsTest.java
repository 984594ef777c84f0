package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class ApiGatewaySettingsTest {

    @Test
    void fromEnvironment_readsTheEndpointAndRegion_withTheDefaultBounds() {
        ApiGatewaySettings settings = ApiGatewaySettings.fromEnvironment(Map.of(
                "WS_API_ENDPOINT", "https://abc.execute-api.eu-west-1.amazonaws.com/prod", "AWS_REGION", "eu-west-1"));

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod"));
        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(settings.maxInFlight()).isEqualTo(ApiGatewaySettings.MAX_IN_FLIGHT);
        assertThat(settings.callTimeout()).isGreaterThanOrEqualTo(settings.attemptTimeout());
    }

    @Test
    void fromEnvironment_withoutARegion_signsForAnyRegionALocalGatewayAccepts() {
        ApiGatewaySettings settings = ApiGatewaySettings.fromEnvironment(Map.of("WS_API_ENDPOINT", "http://localhost:3001/prod"));

        assertThat(settings.region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void fromEnvironment_withoutAnEndpoint_saysWhichVariableIsMissing() {
        assertThatThrownBy(() -> ApiGatewaySettings.fromEnvironment(Map.of()))
                .hasMessageContaining("WS_API_ENDPOINT");
    }
}
