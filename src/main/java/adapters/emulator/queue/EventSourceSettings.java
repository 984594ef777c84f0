package adapters.emulator.queue;

import java.time.Duration;

/**
 * How the local event source polls, mirroring an {@code SQS} event of a function in the SAM template.
 *
 * @param batchSize          the event's {@code BatchSize}: at most 10, what one ReceiveMessage returns
 * @param maximumConcurrency like {@code ScalingConfig.MaximumConcurrency}: pollers, each invoking the handler in turn
 * @param pollWait           the long poll of each receive; also bounds how long {@link SqsEventSource#close()} waits for a poller
 */
public record EventSourceSettings(int batchSize, int maximumConcurrency, Duration pollWait) {
    /** Lambda polls with 20 s; 2 s keeps shutdown prompt, since a blocked HTTP read cannot be interrupted. */
    public static final Duration DEFAULT_POLL_WAIT = Duration.ofSeconds(2);

    public EventSourceSettings {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("BatchSize must be 1 to 10 without a batching window, was " + batchSize);
        }
        if (maximumConcurrency < 1) {
            throw new IllegalArgumentException("MaximumConcurrency must be at least 1, was " + maximumConcurrency);
        }
        if (pollWait == null || pollWait.isNegative() || pollWait.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalArgumentException("the poll wait must be 0 to 20 s (the SQS limit), was " + pollWait);
        }
    }

    /** Lambda's defaults for an SQS event: BatchSize 10, and one poller until the backlog asks for more. */
    public static EventSourceSettings defaults() {
        return new EventSourceSettings(10, 1, DEFAULT_POLL_WAIT);
    }

    public EventSourceSettings withBatchSize(int size) {
        return new EventSourceSettings(size, maximumConcurrency, pollWait);
    }

    public EventSourceSettings withMaximumConcurrency(int pollers) {
        return new EventSourceSettings(batchSize, pollers, pollWait);
    }

    public EventSourceSettings withPollWait(Duration wait) {
        return new EventSourceSettings(batchSize, maximumConcurrency, wait);
    }
}
