package adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SqsSettingsTest {
    private static final String URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/outbound-messages";

    @Test
    void onLambda_theQueueUrlAndRegionComeFromTheEnvironment() {
        SqsSettings settings = SqsSettings.fromEnvironment(Map.of("OUTBOUND_QUEUE_URL", URL, "AWS_REGION", "eu-west-1"));

        assertThat(settings).isEqualTo(new SqsSettings(URL, Optional.empty(), Region.EU_WEST_1));
    }

    @Test
    void locally_theSdksOwnEndpointVariablePointsAtTheLocalQueue() {
        SqsSettings settings = SqsSettings.fromEnvironment(Map.of("OUTBOUND_QUEUE_URL", URL, "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324"));

        assertThat(settings.endpointOverride()).contains(URI.create("http://127.0.0.1:9324"));
    }

    @Test
    void withoutAQueueUrl_itSaysWhichVariableIsMissing() {
        assertThatThrownBy(() -> SqsSettings.fromEnvironment(Map.of("AWS_REGION", "us-east-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OUTBOUND_QUEUE_URL");
    }
}
