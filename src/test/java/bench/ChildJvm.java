package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link ColdStart} in a fresh JVM with Lambda's flags and only the function's environment,
 * and reads back its {@link Measurement}; a run whose request did not take the full, successful
 * path fails the benchmark rather than being measured.
 */
final class ChildJvm {
    /**
     * What Herald's functions run with (JAVA_TOOL_OPTIONS in the SAM template, CDS as Lambda's java21
     * runtime uses it), plus the serial collector, which the JVM picks by itself with Lambda's 1024 MB
     * but not on a larger machine. Logging is the deployed jar's own (JSON lines, adapters.lambda.log).
     */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:+UseSerialGC");

    private final String classpath;
    private final LocalEndpoints endpoints;
    private final Path logs;

    ChildJvm(String classpath, LocalEndpoints endpoints, Path logs) throws IOException {
        this.classpath = classpath;
        this.endpoints = endpoints;
        this.logs = Files.createDirectories(logs);
    }

    Measurement run(Scenario scenario, List<String> extraFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAMBDA_FLAGS);
        String name = scenario.args().get(0) + "-" + scenario.args().get(1);
        extraFlags.forEach(flag -> command.add(flag.replace("{name}", name)));
        command.add("-Dbench.launchedAtMs=" + System.currentTimeMillis());
        command.addAll(List.of("-cp", classpath, ColdStart.class.getName()));
        command.addAll(scenario.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(endpoints.environment());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "herald-" + scenario.function().key());
        builder.environment().putAll(scenario.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        Files.writeString(logs.resolve(name + ".log"), output);
        return checked(scenario, output);
    }

    private static Measurement checked(Scenario scenario, String output) {
        Measurement measured = output.lines().filter(line -> line.startsWith(Measurement.PREFIX)).findFirst()
                .map(Measurement::parse)
                .orElseThrow(() -> new IllegalStateException("no measurement from " + scenario.args() + ":\n" + output));
        String problem = measured.outcome().equals(scenario.function().expectedOutcome) ? scenario.problem().get()
                : "answered " + measured.outcome() + ", expected " + scenario.function().expectedOutcome;
        if (problem != null) {
            throw new IllegalStateException(scenario.args() + " did not take the full path: " + problem + "\n" + output);
        }
        return measured;
    }
}
