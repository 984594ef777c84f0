package domain;

/** What happened to one push to one connection. */
public enum PushResult {
    /** The gateway accepted the message for the connection. */
    DELIVERED,
    /** The connection no longer exists (410); it must be evicted. */
    GONE,
    /** The gateway or the client's buffer is saturated (429); try again later. */
    THROTTLED,
    /** The message is over the gateway's size limit (413); it never will fit. */
    TOO_LARGE,
    /** The gateway refused us (403): a permission problem that retrying will not fix. */
    FORBIDDEN,
    /** A transient failure: 5xx, a timeout, a broken connection to the gateway; try again later. */
    FAILED;

    public boolean isRetryable() {
        return this == THROTTLED || this == FAILED;
    }
}
