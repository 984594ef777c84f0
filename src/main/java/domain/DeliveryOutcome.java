package domain;

/** The end state of one connection in one fan-out. */
public enum DeliveryOutcome {
    DELIVERED,
    /** The connection was gone or expired and its record was removed. */
    EVICTED,
    /** The gateway will never accept this message for this connection (too large, forbidden). */
    FAILED_PERMANENTLY,
    /** Retries ran out on a throttled or transient failure; the queue should redeliver. */
    STILL_FAILING
}
