package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import java.net.URI;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import ports.PushGateway;
import software.amazon.awssdk.regions.Region;

class ApiGatewayModuleTest {

    /** What a composition root does with the module: hand it the settings, ask for the port. */
    @Singleton
    @Component(modules = ApiGatewayModule.class)
    interface Gateways {
        PushGateway pushGateway();

        @Component.Factory
        interface Factory {
            Gateways create(@BindsInstance ApiGatewaySettings settings);
        }
    }

    @Test
    void givenSettings_theModuleBindsOneApiGatewayPushGateway() {
        Gateways gateways = DaggerApiGatewayModuleTest_Gateways.factory()
                .create(ApiGatewaySettings.of(URI.create("http://127.0.0.1:9/prod"), Region.EU_WEST_1));

        assertThat(gateways.pushGateway()).isInstanceOf(ApiGatewayPushGateway.class)
                .isSameAs(gateways.pushGateway());
    }
}
