package adapters.emulator.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformQueueReaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/terraform");
    /** The label of the queue every fixture, like deploy/terraform, declares. */
    private static final String QUEUE = "outbound";

    @Test
    void theDeployedTerraform_declaresTheQueuesTheSamStackExpects() {
        QueueDeclaration queues = TerraformQueueReader.read(Path.of("deploy/terraform"), QUEUE, Map.of());

        assertThat(queues).isEqualTo(new QueueDeclaration("outbound-messages", "outbound-messages-dlq", 5,
                Duration.ofSeconds(6 * 30), Duration.ofDays(4), Duration.ofDays(14)));
    }

    @Test
    void givenPrefixVariable_namesAreInterpolatedAndTheDeadLetterQueueIsFoundThroughTheRedrivePolicy() {
        QueueDeclaration queues = TerraformQueueReader.read(FIXTURES.resolve("prefixed"), QUEUE, Map.of());

        assertThat(queues).isEqualTo(new QueueDeclaration("dev-outbound-messages", "dev-outbound-messages-dlq", 3,
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(4)));
    }

    @Test
    void givenVariableOverrides_theyWinOverDefaultsAsTfVarDoes() {
        QueueDeclaration queues = TerraformQueueReader.read(FIXTURES.resolve("prefixed"), QUEUE,
                Map.of("name_prefix", "staging-", "max_receive_count", "7", "consumer_timeout_seconds", "20"));

        assertThat(queues.queueName()).isEqualTo("staging-outbound-messages");
        assertThat(queues.deadLetterQueueName()).isEqualTo("staging-outbound-messages-dlq");
        assertThat(queues.maxReceiveCount()).isEqualTo(7);
        assertThat(queues.visibilityTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void givenLiteralDeadLetterArn_theQueueOfThatNameIsTheDeadLetterQueue() {
        QueueDeclaration queues = TerraformQueueReader.read(FIXTURES.resolve("literal-arn"), QUEUE, Map.of());

        assertThat(queues.deadLetterQueueName()).isEqualTo("herald-dlq");
        assertThat(queues.maxReceiveCount()).isEqualTo(2);
        assertThat(queues.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenNoRedrivePolicy_readingFailsSayingADeadLetterQueueIsNeeded() {
        assertThatThrownBy(() -> TerraformQueueReader.read(FIXTURES.resolve("no-redrive"), QUEUE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dead-letter queue");
    }

    @Test
    void givenDirectoryWithoutTheOutboundQueue_readingFailsNamingWhatItHas() {
        assertThatThrownBy(() -> TerraformQueueReader.read(FIXTURES.resolve("no-outbound"), QUEUE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aws_sqs_queue.outbound").hasMessageContaining("inbound");
    }
}
