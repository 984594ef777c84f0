package adapters.emulator.queue;

import static adapters.emulator.queue.PollerScaling.Step.GROW;
import static adapters.emulator.queue.PollerScaling.Step.KEEP;
import static adapters.emulator.queue.PollerScaling.Step.RETIRE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollerScalingTest {
    private final PollerScaling scaling = new PollerScaling(10, 3);

    @Test
    void givenFullBatches_pollersGrowUpToTheMaximum() {
        scaling.first();

        assertThat(scaling.after(10)).isEqualTo(GROW);
        assertThat(scaling.after(10)).isEqualTo(GROW);
        assertThat(scaling.after(10)).isEqualTo(KEEP);
        assertThat(scaling.active()).isEqualTo(3);
    }

    @Test
    void givenShortOrEmptyBatches_pollersLeaveDownToOne() {
        scaling.first();
        scaling.after(10);
        scaling.after(10);

        assertThat(scaling.after(4)).isEqualTo(RETIRE);
        assertThat(scaling.after(0)).isEqualTo(RETIRE);
        assertThat(scaling.after(0)).isEqualTo(KEEP);
        assertThat(scaling.active()).isEqualTo(1);
    }

    @Test
    void givenMaximumOne_thePollerNeitherGrowsNorLeaves() {
        PollerScaling single = new PollerScaling(10, 1);
        single.first();

        assertThat(single.after(10)).isEqualTo(KEEP);
        assertThat(single.after(0)).isEqualTo(KEEP);
        assertThat(single.active()).isEqualTo(1);
    }
}
