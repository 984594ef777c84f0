package adapters.bench;

import adapters.bench.BenchSettings.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code herald bench}'s logic, against a running local stack: opens the connections (capacity), subscribes them,
 * then runs the chosen scenarios in the order fan-out, baseline, steady, resume, soak, and writes the reports. Runs in
 * a process of its own in normal use, so that its garbage is not the gateway's; the test suite runs it in-process at
 * tiny sizes.
 */
public final class Bench {
    private final BenchSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    public Bench(BenchSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs and reports; returns the results, in the order they ran. */
    public List<Result> run() throws IOException, InterruptedException {
        Files.createDirectories(settings.out());
        Machine start = Machine.now();
        List<Result> results = new ArrayList<>();
        try (Testbed bed = new Testbed(settings); Progress progress = new Progress(bed, err).start()) {
            Result capacity = CapacityScenario.open(bed);
            if (settings.scenarios().contains(Scenario.CAPACITY)) {
                results.add(capacity);
            }
            long unacknowledged = bed.subscribeAll();
            if (unacknowledged > 0) {
                err.printf("%n%,d subscriptions were not acknowledged; deliveries to them will count as lost%n", unacknowledged);
            }
            List<String> ids = bed.gateway.connectionIds();
            if (settings.scenarios().contains(Scenario.FANOUT)) {
                results.add(FanOutScenario.run(bed, new RawPosts(settings.management()), ids));
            }
            if (settings.scenarios().contains(Scenario.BASELINE)) {
                results.add(BaselineScenario.run(bed, settings.management(), ids));
            }
            if (settings.scenarios().contains(Scenario.STEADY)) {
                results.add(SteadyScenario.run(bed));
            }
            if (settings.scenarios().contains(Scenario.RESUME)) {
                results.add(ResumeScenario.run(bed, settings.resumes()));
            }
            if (settings.scenarios().contains(Scenario.SOAK)) {
                results.add(SoakScenario.run(bed));
            }
        }
        Machine end = Machine.now();
        Reports.table(results, start, end, out);
        out.println("results: " + Reports.json(results, settings, start, end, settings.out()));
        out.println("plot:    " + Reports.html(results, start, settings.out()));
        out.flush();
        return results;
    }
}
