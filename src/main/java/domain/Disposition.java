package domain;

import java.util.Optional;

/**
 * The verdict the dispatcher gave one queued message.
 *
 * @param report the fan-out's report, when the message held a notification and its audience could be read
 */
public record Disposition(String messageId, Verdict verdict, String reason, Optional<DeliveryReport> report) {

    public enum Verdict {
        /** Delivered to everyone who could be reached; the message leaves the queue. */
        ACKNOWLEDGED,
        /** Something retryable is left; the queue redelivers the message later. */
        RETRY,
        /** The message can never be delivered; it goes to the dead-letter queue at once. */
        DEAD_LETTERED
    }
}
