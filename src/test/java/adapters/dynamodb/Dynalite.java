package adapters.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One in-memory dynalite (npm {@code dynalite}, installed by {@code npm ci}) per test JVM, on 127.0.0.1. It binds
 * port 0 and prints the port it got, so no free port is guessed; it exits when the JVM does, even a killed one,
 * because it quits when its stdin closes.
 */
public final class Dynalite {
    private static final String SERVER = String.join("\n",
            "const server = require('dynalite')({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});",
            "server.listen(0, '127.0.0.1', () => console.log(server.address().port));",
            "process.stdin.on('end', () => process.exit(0));",
            "process.stdin.resume();");

    private static URI endpoint;

    private Dynalite() {
    }

    /** Starts dynalite on first use; later calls return the same endpoint. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start(projectRoot());
        }
        return endpoint;
    }

    private static Path projectRoot() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.isDirectory(root.resolve("node_modules/dynalite"))) {
            throw new IllegalStateException("dynalite is not installed in " + root
                    + "/node_modules: run `npm ci --no-audit --no-fund` there first");
        }
        return root;
    }

    private static URI start(Path root) {
        try {
            Process node = new ProcessBuilder("node", "-e", SERVER).directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::destroy, "dynalite-stop"));
            // The line is printed from the listen callback: once read, the server accepts connections.
            String port = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (port == null) {
                throw new IllegalStateException("dynalite exited before listening (code " + node.waitFor()
                        + "); its error is above");
            }
            return URI.create("http://127.0.0.1:" + port.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynalite with `node`: is Node.js 20+ installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dynalite was exiting", e);
        }
    }
}
