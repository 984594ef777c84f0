package domain;

/** What the queue does with a message once it has been handled. */
public enum Verdict {
    /** Delivered to everyone who could be reached; the message leaves the queue. */
    ACKNOWLEDGED,
    /** Something retryable is left; the queue redelivers the message later. */
    RETRY,
    /** The message can never be delivered; it goes to the dead-letter queue at once. */
    DEAD_LETTERED
}
