package adapters.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    @Test
    void withoutARamp_theRateHoldsThroughout() {
        assertThat(Pacer.due(1_000, 0.5, 0)).isEqualTo(500);
        assertThat(Pacer.due(1_000, 60, 0)).isEqualTo(60_000);
    }

    @Test
    void aRamp_startsAtATenthOfTheRateAndEndsAtAllOfIt() {
        // Over 100 s from 100/s to 1,000/s: the mean rate is 550/s.
        assertThat(Pacer.due(1_000, 100, 100)).isEqualTo(55_000);
        assertThat(Pacer.due(1_000, 1, 100)).isBetween(100L, 110L);
        assertThat(Pacer.due(1_000, 100, 100) - Pacer.due(1_000, 99, 100)).isBetween(990L, 1_000L);
    }
}
