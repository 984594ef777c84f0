package adapters.jose4j;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import ports.TokenVerifier;

class Jose4jModuleTest {

    @Singleton
    @Component(modules = Jose4jModule.class)
    interface TokenComponent {
        TokenVerifier tokenVerifier();

        @Component.Factory
        interface Factory {
            TokenComponent create(@BindsInstance TokenSettings settings, @BindsInstance Clock clock);
        }
    }

    @Test
    void givenSettingsAndClock_theModuleBindsOneVerifierPerComponent() {
        TokenComponent component = DaggerJose4jModuleTest_TokenComponent.factory()
                .create(LocalDevKeys.settings(), Clock.systemUTC());

        assertThat(component.tokenVerifier()).isInstanceOf(Jose4jTokenVerifier.class)
                .isSameAs(component.tokenVerifier());
    }
}
