package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Medians (and ranges) per function and mode, each function's total against the no-op handler's,
 * and the roadmap's goal: a cold start at most {@value #GOAL}× the no-op's, in the same run.
 *
 * @param rows one per function and mode, functions in the order they were run
 */
record Summary(List<Row> rows) {
    static final double GOAL = 3.0;

    /**
     * @param afterSnapshot event + first request: what is left to pay after a SnapStart restore
     * @param ratio         total / the no-op's total, medians; NaN without a no-op run in this mode
     */
    record Row(String function, String mode, int runs, Stats init, Stats prime, Stats event, Stats first,
               Stats afterSnapshot, Stats total, Stats cpu, Stats launch, double ratio, double afterSnapshotRatio) {
        boolean meetsGoal() {
            return ratio <= GOAL;
        }
    }

    static Summary of(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        measurements.forEach(m -> groups.computeIfAbsent(m.function() + "/" + m.mode(), k -> new ArrayList<>()).add(m));
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(runs -> {
            List<Measurement> noop = measurements.stream()
                    .filter(m -> m.function().equals("noop") && m.mode().equals(runs.get(0).mode())).toList();
            Stats total = Stats.of(runs, Measurement::totalMs);
            Stats afterSnapshot = Stats.of(runs, Measurement::afterSnapshotMs);
            rows.add(new Row(runs.get(0).function(), runs.get(0).mode(), runs.size(), Stats.of(runs, Measurement::initMs),
                    Stats.of(runs, Measurement::primeMs), Stats.of(runs, Measurement::eventMs),
                    Stats.of(runs, Measurement::firstMs), afterSnapshot, total, Stats.of(runs, Measurement::cpuMs),
                    Stats.of(runs, Measurement::launchMs),
                    noop.isEmpty() ? Double.NaN : total.median() / Stats.of(noop, Measurement::totalMs).median(),
                    noop.isEmpty() ? Double.NaN : afterSnapshot.median() / Stats.of(noop, Measurement::afterSnapshotMs).median()));
        });
        return new Summary(rows);
    }

    /** Markdown tables: unprimed (a plain cold start), then primed (what SnapStart moves to publish time). */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Unprimed: a plain cold start. Median (min–max) ms over the runs; ratio = median total / no-op's.\n\n")
                .append("| function | init | event | first request | total (JVM start → response) | × no-op | ≤ ")
                .append(GOAL).append("× | process CPU |\n| --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: |\n");
        rows.stream().filter(row -> row.mode().equals("unprimed")).forEach(row -> out.append(String.format(Locale.ROOT,
                "| %s | %s | %s | %s | %s | %.2f | %s | %s |%n", row.function(), row.init().cell(), row.event().cell(),
                row.first().cell(), row.total().cell(), row.ratio(), row.meetsGoal() ? "yes" : "**no**", row.cpu().cell())));
        out.append("\nPrimed: init and prime run before SnapStart's snapshot; event + first request is what a restored")
                .append(" function still pays (the restore itself aside).\n\n")
                .append("| function | init | prime | event | first request | event + first | × no-op | total | × no-op |")
                .append(" process CPU |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.stream().filter(row -> row.mode().equals("primed")).forEach(row -> out.append(String.format(Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %.2f | %s | %.2f | %s |%n", row.function(), row.init().cell(),
                row.prime().cell(), row.event().cell(), row.first().cell(), row.afterSnapshot().cell(),
                row.afterSnapshotRatio(), row.total().cell(), row.ratio(), row.cpu().cell())));
        return out.toString();
    }
}
