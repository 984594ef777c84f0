package adapters.cli;

import adapters.bench.Bench;
import adapters.bench.BenchSettings;
import adapters.bench.BenchSettings.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `herald bench`: measures a running `herald local` from a process of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures a running 'herald local' (start it first, in another terminal): connection capacity,",
                "fan-out to one claim's subscribers next to the raw @connections capacity, a naive sequential",
                "baseline, steady-state delivery latency, resume, and a soak (latency, heap and RSS over time).",
                "A live line on stderr, a table on stdout, and results.json plus latency.html under --out."})
final class BenchCommand implements Callable<Integer> {
    private static final BenchSettings DEFAULTS = BenchSettings.defaults();

    @Option(names = "--scenario", defaultValue = "all", paramLabel = "capacity|fanout|steady|baseline|resume|soak|all",
            split = ",", description = "What to run, comma-separated; all is every scenario but the soak, which runs for "
                    + "--soak-duration and must be named (default: ${DEFAULT-VALUE}).")
    private List<String> scenarios;

    @Option(names = "--ws", defaultValue = "ws://localhost:3001/prod", description = "The WebSocket API (default: ${DEFAULT-VALUE}).")
    private URI webSocket;

    @Option(names = "--connections-endpoint", defaultValue = "http://localhost:3001/prod",
            description = "The @connections endpoint (default: ${DEFAULT-VALUE}).")
    private URI management;

    @Option(names = "--sqs", defaultValue = "http://localhost:9324", description = "The SQS endpoint (default: ${DEFAULT-VALUE}).")
    private URI sqs;

    @Option(names = "--queue", defaultValue = "outbound-messages", description = "The outbound queue's name (default: ${DEFAULT-VALUE}).")
    private String queue;

    @Option(names = "--connections", defaultValue = "10000", description = "Connections to open and keep (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--handshakes", defaultValue = "200", description = "Concurrent handshakes (default: ${DEFAULT-VALUE}).")
    private int handshakes;

    @Option(names = "--fanout-sizes", defaultValue = "1000,10000", split = ",", description = "Subscribers per fan-out (default: ${DEFAULT-VALUE}).")
    private List<Integer> fanOutSizes;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs per fan-out size; the median is reported (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--raw-in-flight", defaultValue = "50", description = "Concurrent raw @connections POSTs (default: ${DEFAULT-VALUE}).")
    private int rawInFlight;

    @Option(names = "--rate", defaultValue = "1000", description = "Steady notifications per second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long the steady producer sends (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warm-up", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long the steady and soak scenarios send before they measure, unrecorded, ramping from "
                    + "a tenth of their rate to all of it, so the JIT compiles the stack's hot paths (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--resumes", defaultValue = "30",
            description = "Rounds of the resume scenario, each catching up on 100 missed notifications (default: ${DEFAULT-VALUE}).")
    private int resumes;

    @Option(names = "--soak-rate", defaultValue = "500", description = "The soak's notifications per second (default: ${DEFAULT-VALUE}).")
    private int soakRate;

    @Option(names = "--soak-duration", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long the soak sends, after the warm-up (default: ${DEFAULT-VALUE}).")
    private Duration soakDuration;

    @Option(names = "--soak-window", defaultValue = "60s", converter = DurationConverter.class,
            description = "The soak reports latency, heap and RSS per window of this length (default: ${DEFAULT-VALUE}).")
    private Duration soakWindow;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where results.json and latency.html go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = new BenchSettings(scenarios(), webSocket, management, sqs, queue, connections, handshakes,
                fanOutSizes, repeats, rawInFlight, rate, duration, warmUp, resumes, soakRate, soakDuration, soakWindow, out);
        new Bench(settings, System.out, System.err).run();
        return 0;
    }

    private Set<Scenario> scenarios() {
        Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        if (scenarios.contains("all")) {
            chosen.addAll(EnumSet.complementOf(EnumSet.of(Scenario.SOAK)));
        }
        scenarios.stream().filter(name -> !name.equals("all")).forEach(name -> chosen.add(Arrays.stream(Scenario.values())
                .filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name))));
        return chosen;
    }
}
