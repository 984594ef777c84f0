package adapters.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code herald bench} runs, against which stack.
 *
 * @param webSocket     the gateway's stage URL, e.g. ws://localhost:3001/prod
 * @param management    the @connections endpoint, e.g. http://localhost:3001/prod
 * @param sqs           the SQS endpoint the producer sends to
 * @param connections   connections opened (and kept) for every scenario
 * @param handshakes    handshakes in flight at once while opening them
 * @param fanOutSizes   subscribers of the claim each fan-out targets (capped at {@code connections})
 * @param repeats       runs of each fan-out size; the median is reported
 * @param rawInFlight   POSTs in flight when measuring the raw @connections capacity
 * @param rate          steady notifications per second, each to one connection's own claim
 * @param duration      how long the steady producer sends
 * @param warmUp        how long the producer sends before that, unrecorded, ramping up to {@code rate}, so the JIT has
 *                      compiled the queue's, the Notifier's, the gateway's and the clients' hot paths
 * @param resumes       rounds of the resume scenario, each catching up on {@link #MISSED} notifications
 * @param soakRate      the soak's notifications per second, each to one connection's own claim
 * @param soakDuration  how long the soak sends, after a warm-up like the steady scenario's
 * @param soakWindow    the soak reports latency, heap and RSS per window of this length
 */
public record BenchSettings(Set<Scenario> scenarios, URI webSocket, URI management, URI sqs, String queueName,
        int connections, int handshakes, List<Integer> fanOutSizes, int repeats, int rawInFlight, int rate,
        Duration duration, Duration warmUp, int resumes, int soakRate, Duration soakDuration, Duration soakWindow,
        Path out) {

    /** The measurements, in the order they run; {@code herald bench --scenario all} runs every one but the long soak. */
    public enum Scenario { CAPACITY, FANOUT, BASELINE, STEADY, RESUME, SOAK }

    /** Missed notifications per resume: the default cap, the most one complete resume replays. */
    public static final int MISSED = 100;

    public BenchSettings {
        if (connections < 1 || handshakes < 1 || repeats < 1 || rawInFlight < 1 || rate < 1 || resumes < 1 || soakRate < 1) {
            throw new IllegalArgumentException(
                    "connections, handshakes, repeats, raw in-flight, rates and resumes must be positive");
        }
        if (!isPositive(duration) || warmUp.isNegative() || !isPositive(soakDuration) || !isPositive(soakWindow)) {
            throw new IllegalArgumentException("the durations and the soak's window must be positive, the warm-up not negative");
        }
        fanOutSizes = fanOutSizes.stream().map(size -> Math.min(size, connections)).distinct().toList();
        scenarios = Set.copyOf(scenarios);
    }

    /** The goals' sizes against {@code herald local}'s default ports. */
    public static BenchSettings defaults() {
        return new BenchSettings(Set.of(Scenario.values()), URI.create("ws://localhost:3001/prod"),
                URI.create("http://localhost:3001/prod"), URI.create("http://localhost:9324"), "outbound-messages",
                10_000, 200, List.of(1_000, 10_000), 3, 50, 1_000, Duration.ofSeconds(60), Duration.ofSeconds(120),
                30, 500, Duration.ofMinutes(10), Duration.ofMinutes(1), Path.of("target/bench"));
    }

    /** Tiny sizes for the test suite: every scenario runs, nothing is measured seriously. */
    public BenchSettings tiny(URI ws, URI api, URI queue, Path directory) {
        return new BenchSettings(scenarios, ws, api, queue, queueName, 20, 5, List.of(10, 20), 1, 5, 50,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 50, Duration.ofSeconds(2), Duration.ofSeconds(1),
                directory);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
