package adapters.emulator.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A fresh embedded SQS per test, with the real Terraform's queues but a one-second visibility timeout,
 * and a plain SDK client to send and inspect with.
 */
final class LocalSqs implements AutoCloseable {
    static final Duration VISIBILITY = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final LocalQueues queues;
    final SqsClient client;

    LocalSqs() {
        queues = LocalQueues.start(LocalQueueSettings.defaults(Path.of("deploy/terraform"), "outbound").withPort(0).withVisibilityTimeout(VISIBILITY));
        client = LocalSqsClients.forEndpoint(queues.endpoint(), queues.region(), Duration.ofSeconds(20));
    }

    String send(String body) {
        return client.sendMessage(send -> send.queueUrl(queues.queueUrl()).messageBody(body)).messageId();
    }

    /** Visible plus in-flight messages: ElasticMQ counts exactly, unlike SQS. */
    int depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    List<Message> receiveDeadLetters() {
        return client.receiveMessage(receive -> receive.queueUrl(queues.deadLetterQueueUrl())
                .maxNumberOfMessages(10)).messages();
    }

    /** Waits for a condition that the code under test makes true eventually; fails after half a minute. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        client.close();
        queues.close();
    }
}
