package adapters.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SimulationTest {
    static final int CLIENTS = 40;
    static final int NOTIFICATIONS = 300;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    private static SimulationReport run(long seed, EnumSet<Fault> faults) {
        return new Simulation(new SimulationConfig(seed, CLIENTS, NOTIFICATIONS, faults), SimulationComponent.FACTORY).run();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withEveryFault_nothingIsLostOrMisdelivered(long seed) {
        SimulationReport report = run(seed, EnumSet.allOf(Fault.class));

        assertThat(report.passed()).as(report::failureDetails).isTrue();
        assertThat(report.deliveries()).isPositive();
    }

    @ParameterizedTest(name = "only {0}")
    @EnumSource(Fault.class)
    void eachFaultAlone_keepsTheInvariants(Fault fault) {
        for (long seed = 1; seed <= 10; seed++) {
            SimulationReport report = run(seed, EnumSet.of(fault));
            assertThat(report.passed()).as(report::failureDetails).isTrue();
        }
    }

    @Test
    void theSameSeed_replaysTheSameRun() {
        SimulationReport first = run(99, EnumSet.allOf(Fault.class));
        SimulationReport second = run(99, EnumSet.allOf(Fault.class));

        assertThat(second.summaryLine()).isEqualTo(first.summaryLine());
        assertThat(second.trace()).isEqualTo(first.trace());
    }

    @Test
    void withoutFaults_nothingIsEvictedOrDeadLettered() {
        SimulationReport report = run(5, EnumSet.noneOf(Fault.class));

        assertThat(report.passed()).as(report::failureDetails).isTrue();
        assertThat(report.evicted()).isZero();
        assertThat(report.deadLettered()).isZero();
        assertThat(report.duplicates()).isZero();
    }

    @Test
    void withVanishingClients_goneConnectionsAreEvicted() {
        assertThat(run(5, EnumSet.of(Fault.VANISH)).evicted()).isPositive();
    }

    @Test
    void summaryLine_hasTheDocumentedShape() {
        assertThat(run(3, EnumSet.allOf(Fault.class)).summaryLine()).matches(
                "simulation seed=3 clients=40 notifications=300 deliveries=\\d+ evicted=\\d+ dead-lettered=\\d+ lost=0 misdelivered=0"
                        + " replayed=\\d+");
    }
}
