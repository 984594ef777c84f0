package adapters.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.simulation.SabotagedSystem.Sabotage;
import java.util.EnumSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Each deliberately broken rule must make seeded runs fail; otherwise the invariants prove nothing. */
class SimulationCatchesBrokenRulesTest {

    private static long failingRuns(Sabotage sabotage, EnumSet<Fault> faults) {
        return LongStream.rangeClosed(1, 20)
                .mapToObj(seed -> new Simulation(new SimulationConfig(seed, 40, 300, faults), SabotagedSystem.factory(sabotage)).run())
                .filter(report -> !report.passed())
                .count();
    }

    @Test
    void aFanOutThatSkipsEviction_isCaught() {
        assertThat(failingRuns(Sabotage.SKIP_EVICTION, EnumSet.of(Fault.VANISH))).isPositive();
    }

    @Test
    void aGatewayThatDropsDeliveries_isCaughtAsLost() {
        assertThat(failingRuns(Sabotage.DROP_DELIVERIES, EnumSet.noneOf(Fault.class))).isEqualTo(20);
    }

    @Test
    void anAudienceThatIgnoresSubscriptions_isCaughtAsMisdelivery() {
        assertThat(failingRuns(Sabotage.IGNORE_SUBSCRIPTIONS, EnumSet.noneOf(Fault.class))).isEqualTo(20);
    }

    @Test
    void aResumeWithoutAMargin_isCaughtAsLostWhenNotifiersInterleave() {
        assertThat(failingRuns(Sabotage.NO_MARGIN, EnumSet.of(Fault.INTERLEAVE, Fault.VANISH))).isPositive();
    }

    @Test
    void aReplayWithoutTheEntitlementCheck_isCaughtAsMisdelivery() {
        assertThat(failingRuns(Sabotage.REPLAY_UNENTITLED, EnumSet.noneOf(Fault.class))).isEqualTo(20);
    }

    @Test
    void anAppendAfterTheFanOut_isCaughtAsAPushBeforeItsRecord() {
        assertThat(failingRuns(Sabotage.APPEND_AFTER_FAN_OUT, EnumSet.noneOf(Fault.class))).isEqualTo(20);
    }

    @Test
    void aQueueVerdictThatAcknowledgesFailures_isCaughtAsLost() {
        assertThat(failingRuns(Sabotage.ACKNOWLEDGE_FAILURES, EnumSet.of(Fault.THROTTLING, Fault.TRANSIENT))).isPositive();
    }
}
