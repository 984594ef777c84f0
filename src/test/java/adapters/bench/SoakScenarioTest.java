package adapters.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SoakScenarioTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void growth_isTheLastWindowOverTheFirst_inPercent() {
        assertThat(SoakScenario.growthPercent(100 * MIB, 104 * MIB)).isCloseTo(4.0, within(1e-9));
        assertThat(SoakScenario.growthPercent(100 * MIB, 90 * MIB)).isCloseTo(-10.0, within(1e-9));
    }

    @Test
    void aWindowsFootprint_isTheMedianOfItsSamples_soThatOneSampleJustBeforeAGcCannotSwayIt() {
        SoakWatch.Window window = window(1, sample(60, 300), sample(70, 900), sample(80, 310), sample(90, 320));

        assertThat(window.medianHeapBytes()).isEqualTo(315 * MIB);
        assertThat(window.medianRssBytes()).isEqualTo(315 * MIB);
    }

    @Test
    void samplesTheGatewayCouldNotGive_areLeftOutOfTheMedian() {
        assertThat(SoakWatch.median(new long[] {-1, 5, 7, 9})).isEqualTo(7);
        assertThat(SoakWatch.median(new long[] {-1})).isNaN();
    }

    @Test
    void aWindow_isLabelledWithItsSpanFromTheStartOfTheSoak() {
        assertThat(window(0).label()).isEqualTo("00:00-01:00");
        assertThat(window(9).label()).isEqualTo("09:00-10:00");
        assertThat(new SoakWatch.Window(Duration.ofSeconds(60), Duration.ofSeconds(80), new Histogram(3), List.of()).label())
                .isEqualTo("01:00-01:20");
    }

    private static SoakWatch.Window window(int index, FootprintSample... samples) {
        return new SoakWatch.Window(Duration.ofMinutes(index), Duration.ofMinutes(index + 1L), new Histogram(3),
                List.of(samples));
    }

    private static FootprintSample sample(double seconds, long mebibytes) {
        return new FootprintSample(seconds, mebibytes * MIB, mebibytes * MIB);
    }
}
