package adapters.simulation;

import java.util.random.RandomGenerator;

/** Builds the system under simulation; the composition root supplies it (a Dagger component). */
@FunctionalInterface
public interface SystemFactory {
    SimulatedSystem create(VirtualClock clock, FaultPlan plan, Ledger ledger, RandomGenerator random);
}
