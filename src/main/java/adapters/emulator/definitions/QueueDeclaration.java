package adapters.emulator.definitions;

import java.time.Duration;

/**
 * The outbound queue and its dead-letter queue as {@code deploy/terraform} declares them, with every
 * variable and interpolation resolved.
 *
 * @param maxReceiveCount receives of one message before the queue moves it to the dead-letter queue
 */
public record QueueDeclaration(String queueName, String deadLetterQueueName, int maxReceiveCount,
        Duration visibilityTimeout, Duration retention, Duration deadLetterRetention) {

    public QueueDeclaration {
        if (queueName == null || queueName.isBlank() || deadLetterQueueName == null || deadLetterQueueName.isBlank()) {
            throw new IllegalArgumentException("both queues need a name");
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be at least 1, was " + maxReceiveCount);
        }
    }

    /** The same queues with another visibility timeout: tests shorten it so a failed message comes back soon. */
    public QueueDeclaration withVisibilityTimeout(Duration timeout) {
        return new QueueDeclaration(queueName, deadLetterQueueName, maxReceiveCount, timeout, retention, deadLetterRetention);
    }
}
