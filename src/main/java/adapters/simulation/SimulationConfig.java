package adapters.simulation;

import java.util.Set;

/** One simulation run: everything in it follows from these values. */
public record SimulationConfig(long seed, int clients, int notifications, Set<Fault> faults) {
    public SimulationConfig {
        if (clients < 2 || notifications < 1) {
            throw new IllegalArgumentException("a simulation needs at least 2 clients and 1 notification");
        }
        faults = Set.copyOf(faults);
    }
}
