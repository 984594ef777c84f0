package domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How fan-out retries throttled and transient pushes: exponential backoff with full jitter
 * (delay drawn uniformly from zero to min(cap, base * 2^(attempt-1))), so that many notifiers
 * throttled at once do not retry in step.
 *
 * @param maxAttempts pushes per connection per delivery, the first included
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {

    public static RetryPolicy standard(RandomGenerator random) {
        return new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(2), random);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the backoff base must be positive and no larger than the cap");
        }
    }

    /** The pause before attempt number {@code attempt + 1}. */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
