package domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), new Random(42));

    @Test
    void delays_growExponentiallyUpToTheCapWithFullJitter() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(500, 100L << (attempt - 1));
            int current = attempt;
            IntStream.range(0, 200).forEach(i -> assertThat(policy.delayAfter(current))
                    .isBetween(Duration.ZERO, Duration.ofMillis(ceiling)));
        }
    }

    @Test
    void delays_areSpreadNotInStep() {
        long distinct = IntStream.range(0, 50).mapToObj(i -> policy.delayAfter(3)).distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void aPolicyNeedsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
