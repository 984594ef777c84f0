package bench;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cold start, as {@link ColdStart} prints it on one line and the orchestrator reads it back.
 * Times in milliseconds; every phase is measured from the end of the one before.
 *
 * @param mainMs    JVM start (RuntimeMXBean) to the first line of main
 * @param initMs    the handler's constructor: reading the environment, building the Dagger graph and SDK clients
 * @param primeMs   Priming.primeAll (SnapStart's beforeCheckpoint); 0 unprimed
 * @param eventMs   decoding the event fixture, which the Lambda runtime does before calling the handler
 * @param firstMs   the first handleRequest
 * @param totalMs   JVM start to the first response
 * @param cpuMs     the process's CPU time at the first response, JVM start-up and every thread included
 * @param launchMs  the orchestrator's clock from just before it started the process to the response; -1 if unknown
 */
record Measurement(String function, String mode, String outcome, double mainMs, double initMs, double primeMs,
                   double eventMs, double firstMs, double totalMs, long cpuMs, long launchMs) {
    static final String PREFIX = "coldstart ";

    /** What the user waits for after a SnapStart restore (the restore itself aside): the event and the first request. */
    double afterSnapshotMs() {
        return eventMs + firstMs;
    }

    String line() {
        return PREFIX + String.format(java.util.Locale.ROOT,
                "function=%s mode=%s outcome=%s main_ms=%.1f init_ms=%.1f prime_ms=%.1f event_ms=%.1f first_ms=%.1f"
                        + " total_ms=%.1f cpu_ms=%d launch_to_response_ms=%d",
                function, mode, outcome, mainMs, initMs, primeMs, eventMs, firstMs, totalMs, cpuMs, launchMs);
    }

    static Measurement parse(String line) {
        Map<String, String> fields = Arrays.stream(line.substring(PREFIX.length()).trim().split(" "))
                .map(field -> field.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return new Measurement(fields.get("function"), fields.get("mode"), fields.get("outcome"),
                number(fields, "main_ms"), number(fields, "init_ms"), number(fields, "prime_ms"), number(fields, "event_ms"),
                number(fields, "first_ms"), number(fields, "total_ms"), Long.parseLong(fields.get("cpu_ms")),
                Long.parseLong(fields.get("launch_to_response_ms")));
    }

    private static double number(Map<String, String> fields, String name) {
        return Double.parseDouble(fields.get(name));
    }
}
