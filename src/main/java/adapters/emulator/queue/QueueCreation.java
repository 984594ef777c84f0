package adapters.emulator.queue;

import adapters.emulator.definitions.QueueDeclaration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the declared queues through the SQS API, the same calls Terraform's provider makes. */
final class QueueCreation {

    /** Where the created queues live. */
    record CreatedQueues(String queueUrl, String queueArn, String deadLetterQueueUrl, String deadLetterQueueArn) {
    }

    private QueueCreation() {
    }

    // ElasticMQ 1.7.1 accepts MessageRetentionPeriod but ignores it: messages stay until consumed. It is still
    // sent so that the calls match what Terraform asks of SQS.
    static CreatedQueues create(SqsClient client, QueueDeclaration declared) {
        String deadLetterUrl = client.createQueue(create -> create.queueName(declared.deadLetterQueueName()).attributes(Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(declared.deadLetterRetention().toSeconds())))).queueUrl();
        String deadLetterArn = arnOf(client, deadLetterUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":" + declared.maxReceiveCount() + "}";
        String queueUrl = client.createQueue(create -> create.queueName(declared.queueName()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, seconds(declared.visibilityTimeout().toSeconds()),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(declared.retention().toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new CreatedQueues(queueUrl, arnOf(client, queueUrl), deadLetterUrl, deadLetterArn);
    }

    private static String arnOf(SqsClient client, String queueUrl) {
        return client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static String seconds(long value) {
        return String.valueOf(value);
    }
}
