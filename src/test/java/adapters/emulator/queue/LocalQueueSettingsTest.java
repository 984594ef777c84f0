package adapters.emulator.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalQueueSettingsTest {
    private static final Path TERRAFORM = Path.of("deploy/terraform");

    @Test
    void givenNoEnvironment_theQueuesListenOnLoopbackPort9324() {
        LocalQueueSettings settings = LocalQueueSettings.fromEnvironment(TERRAFORM, "outbound", Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(9324);
        assertThat(settings.terraformVariables()).isEmpty();
        assertThat(settings.visibilityTimeoutOverride()).isEmpty();
    }

    @Test
    void givenTfVarVariables_theyBecomeTerraformVariableOverrides() {
        LocalQueueSettings settings = LocalQueueSettings.fromEnvironment(TERRAFORM, "outbound",
                Map.of("TF_VAR_name_prefix", "dev-", "LOCAL_SQS_PORT", "0", "HOME", "/root"));

        assertThat(settings.terraformVariables()).containsExactly(Map.entry("name_prefix", "dev-"));
        assertThat(settings.port()).isZero();
    }

    @Test
    void eventSourceSettings_refuseWhatLambdaWouldRefuse() {
        EventSourceSettings defaults = EventSourceSettings.defaults();

        assertThatThrownBy(() -> defaults.withBatchSize(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaximumConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPollWait(Duration.ofSeconds(21))).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.batchSize()).isEqualTo(10);
        assertThat(defaults.maximumConcurrency()).isEqualTo(1);
    }
}
