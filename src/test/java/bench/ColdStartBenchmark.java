package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cold-start benchmark (docs/cold-start.md, src/test/bench/cold-start.sh): starts the local
 * endpoints once, then for each run, function and mode, interleaved so that load from other work
 * on the machine hits all alike, one fresh JVM ({@link ColdStart}). Then one more JVM per function
 * and mode that logs its class loading. Prints the medians and writes every figure as JSON.
 *
 * <pre>
 * ColdStartBenchmark [--runs 7] [--functions noop,connect,...] [--modes unprimed,primed]
 *                    [--class-loads true] [--classpath target/herald-lambda.jar:target/test-classes] [--out target/bench]
 *                    [--jvm-flags "-XX:StartFlightRecording=filename=target/bench/{name}.jfr ..."] [--baseline plain]
 * </pre>
 * {@code --jvm-flags} are added to every run, with {@code {name}} replaced by FUNCTION-MODE; with
 * {@code --baseline plain}, to every run but the no-op's.
 */
public final class ColdStartBenchmark {

    /** Everything the JSON file holds. */
    record Results(String finishedAt, int processors, double loadAverageBefore, double loadAverageAfter, Options options,
                   List<String> jvmFlags, List<Measurement> measurements, List<Summary.Row> summary,
                   List<ClassLoads> classLoads) {
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Results results = run(Options.parse(args), System.out::println);
        System.out.println(Summary.of(results.measurements()).table());
        System.out.println("Classes loaded from JVM start to the first response (harness classes left out):\n");
        System.out.println(ClassLoads.table(results.classLoads()));
        System.out.printf("load average %.2f before, %.2f after%n", results.loadAverageBefore(), results.loadAverageAfter());
        System.exit(0);
    }

    /** Runs the benchmark, handing each run's line to {@code progress} as it comes. */
    static Results run(Options options, Consumer<String> progress) throws IOException, InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Measurement> measurements = new ArrayList<>();
        List<ClassLoads> classLoads = new ArrayList<>();
        try (LocalEndpoints endpoints = LocalEndpoints.start()) {
            ChildJvm jvm = new ChildJvm(options.classpath(), endpoints, options.out().resolve("logs"));
            for (int run = 1; run <= options.runs(); run++) {
                for (Function function : options.functions()) {
                    for (String mode : options.modes()) {
                        Measurement measured = jvm.run(Scenario.prepare(function, mode, run, endpoints),
                                options.flagsFor(function));
                        progress.accept(measured.line());
                        measurements.add(measured);
                    }
                }
            }
            if (options.classLoads()) {
                classLoads.addAll(countClassLoads(options, endpoints, jvm));
            }
        }
        Results results = new Results(Instant.now().toString(), Runtime.getRuntime().availableProcessors(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), options, ChildJvm.LAMBDA_FLAGS,
                measurements, Summary.of(measurements).rows(), classLoads);
        Files.createDirectories(options.out());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValue(options.out().resolve("cold-start.json").toFile(), results);
        return results;
    }

    private static List<ClassLoads> countClassLoads(Options options, LocalEndpoints endpoints, ChildJvm jvm)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(options.out().resolve("class-load"));
        List<ClassLoads> counts = new ArrayList<>();
        for (Function function : options.functions()) {
            for (String mode : options.modes()) {
                Path log = dir.resolve(function.key() + "-" + mode + ".log");
                Files.deleteIfExists(log);
                // The timed runs' flags too, so that a run with an application class-data archive counts what it shares.
                List<String> flags = new ArrayList<>(options.flagsFor(function));
                flags.add("-Xlog:class+load=info:file=" + log);
                Measurement measured = jvm.run(Scenario.prepare(function, mode, 0, endpoints), flags);
                counts.add(ClassLoads.count(log, measured));
            }
        }
        return counts;
    }
}
