package adapters.cli;

import adapters.simulation.SimulationComponent;
import adapters.simulation.Fault;
import adapters.simulation.Simulation;
import adapters.simulation.SimulationConfig;
import adapters.simulation.SimulationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `herald simulate`: a deterministic run of the core on in-memory adapters, judged by its invariants. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs Herald's core on in-memory adapters with simulated clients, producers and faults,",
                "all from one seed on a virtual clock, then checks that nothing was lost or misdelivered.",
                "Exits 1 when an invariant is broken, printing the seed and the last events."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run; the same seed replays the same run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--clients", defaultValue = "200", description = "Simulated browser clients (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--notifications", defaultValue = "2000", description = "Notifications the producers publish (default: ${DEFAULT-VALUE}).")
    private int notifications;

    @Option(names = "--faults", defaultValue = "all", paramLabel = "LIST",
            description = "Faults to inject: all, none, or a comma-separated list of vanish, throttling, transient, store, crash, duplicates, token-expiry (default: ${DEFAULT-VALUE}).")
    private String faults;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SimulationConfig config = new SimulationConfig(seed, clients, notifications, Fault.parse(faults));
        long started = System.nanoTime();
        SimulationReport report = new Simulation(config, SimulationComponent.FACTORY).run();
        if (!report.passed()) {
            spec.commandLine().getErr().print(report.failureDetails());
            spec.commandLine().getErr().flush();
        }
        out.printf("simulated %d notifications in %.2f s of wall time; %d duplicate deliveries, dropped by clients by id%n",
                notifications, (System.nanoTime() - started) / 1e9, report.duplicates());
        out.println(report.summaryLine());
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
