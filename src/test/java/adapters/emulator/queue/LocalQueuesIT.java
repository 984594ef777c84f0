package adapters.emulator.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.sqs.model.QueueAttributeName.MESSAGE_RETENTION_PERIOD;
import static software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN;
import static software.amazon.awssdk.services.sqs.model.QueueAttributeName.REDRIVE_POLICY;
import static software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalQueuesIT {
    private static LocalQueues queues;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        queues = LocalQueues.start(LocalQueueSettings.defaults(Path.of("deploy/terraform"), "outbound").withPort(0));
        client = LocalSqsClients.forEndpoint(queues.endpoint(), queues.region(), Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        client.close();
        queues.close();
    }

    @Test
    void theOutboundQueue_hasTheTerraformNameOnLoopbackAndALambdaShapedArn() {
        assertThat(queues.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(queues.queueUrl()).endsWith("/outbound-messages");
        assertThat(queues.deadLetterQueueUrl()).endsWith("/outbound-messages-dlq");
        assertThat(queues.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:outbound-messages");
        assertThat(client.getQueueUrl(get -> get.queueName("outbound-messages")).queueUrl()).isEqualTo(queues.queueUrl());
    }

    @Test
    void theOutboundQueue_dead_lettersAfterTheTerraformReceiveCountAndKeepsItsTimeouts() throws Exception {
        Map<QueueAttributeName, String> attributes = attributesOf(queues.queueUrl());

        JsonNode redrive = new ObjectMapper().readTree(attributes.get(REDRIVE_POLICY));
        assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo(queues.deadLetterQueueArn());
        assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(attributes.get(VISIBILITY_TIMEOUT)).isEqualTo("180");
    }

    @Test
    void theDeadLetterQueue_hasALambdaShapedArn() {
        assertThat(attributesOf(queues.deadLetterQueueUrl()).get(QUEUE_ARN))
                .isEqualTo("arn:aws:sqs:us-east-1:000000000000:outbound-messages-dlq");
    }

    @Test
    void retention_isReadFromTerraformThoughElasticMqDoesNotEnforceIt() {
        assertThat(queues.declaration().retention()).isEqualTo(Duration.ofDays(4));
        assertThat(queues.declaration().deadLetterRetention()).isEqualTo(Duration.ofDays(14));
        assertThat(attributesOf(queues.queueUrl())).doesNotContainKey(MESSAGE_RETENTION_PERIOD);
    }

    private static Map<QueueAttributeName, String> attributesOf(String queueUrl) {
        return client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributes();
    }
}
