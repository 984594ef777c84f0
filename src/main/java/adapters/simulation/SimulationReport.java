package adapters.simulation;

import java.util.List;

/** The outcome of a run: the counts of its last line, and every broken invariant with a trace. */
public record SimulationReport(
        SimulationConfig config,
        long deliveries,
        long duplicates,
        long evicted,
        long deadLettered,
        long lost,
        long misdelivered,
        long replayed,
        List<String> violations,
        List<String> trace) {

    public boolean passed() {
        return lost == 0 && misdelivered == 0 && violations.isEmpty();
    }

    /** The line the `simulate` command ends with. */
    public String summaryLine() {
        return "simulation seed=" + config.seed() + " clients=" + config.clients()
                + " notifications=" + config.notifications() + " deliveries=" + deliveries
                + " evicted=" + evicted + " dead-lettered=" + deadLettered + " lost=" + lost
                + " misdelivered=" + misdelivered + " replayed=" + replayed;
    }

    /** What to print when a run fails: how to replay it, what broke, and what led up to it. */
    public String failureDetails() {
        StringBuilder text = new StringBuilder("simulation FAILED; replay with --seed " + config.seed()
                + " --clients " + config.clients() + " --notifications " + config.notifications() + "\n");
        violations.forEach(violation -> text.append("  violation: ").append(violation).append('\n'));
        text.append("  last events:\n");
        trace.forEach(event -> text.append("    ").append(event).append('\n'));
        return text.toString();
    }
}
