package adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code herald local} from the built jar, stopped as Ctrl-C or a service manager stops it (SIGTERM): it closes
 * without a warning from the logging or the actor system of the embedded SQS, whose JVM shutdown hooks used to race
 * the stack's own ("Unable to register Log4j shutdown hook", "Could not addJvmShutdownHook").
 */
class LocalShutdownIT {
    private static final Path JAR = Path.of("target/herald.jar");

    @Test
    void sigterm_stopsTheStackWithoutAWarning() throws Exception {
        Process local = new ProcessBuilder("java", "-jar", JAR.toString(), "local", "--port", "0", "--sqs-port", "0")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(local, output, running), "herald-local-output");
        reader.start();
        try {
            running.get(120, TimeUnit.SECONDS);
        } finally {
            // SIGTERM through the handle: Process.destroy() would also close the pipes, losing what shutdown prints.
            local.toHandle().destroy();
        }

        assertThat(local.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        reader.join(10_000);
        String afterStart = output.substring(output.indexOf("Ctrl-C stops everything."));
        assertThat(afterStart).as(output.toString())
                .doesNotContain("WARN", "Unable to register", "Could not addJvmShutdownHook", "Exception");
    }

    private static void read(Process local, StringBuilder output, CompletableFuture<Void> running) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(local.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains("Ctrl-C stops everything.")) {
                    running.complete(null);
                }
            }
            running.completeExceptionally(new AssertionError("herald local ended before starting:\n" + output));
        } catch (IOException e) {
            running.completeExceptionally(e);
        }
    }
}
