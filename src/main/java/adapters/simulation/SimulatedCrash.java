package adapters.simulation;

/**
 * The notifier process dying mid-batch. An {@link Error}, not an exception, so that nothing in
 * the domain can catch it: like a killed Lambda, the batch simply stops.
 */
public final class SimulatedCrash extends Error {
    public SimulatedCrash() {
        super("simulated notifier crash", null, false, false);
    }
}
