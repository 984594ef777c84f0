package adapters.jose4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One moto server (PyPI {@code moto[server]}: AWS's APIs, Secrets Manager and SSM among them, over their real HTTP
 * protocols) per test JVM, on 127.0.0.1. It binds port 0 and prints the port it got; a shell wrapper stops it when
 * the JVM's end of its stdin closes, so a killed JVM leaves no server behind.
 */
public final class MotoServer {
    private static final Pattern LISTENING = Pattern.compile("Running on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String WRAPPER = "moto_server -H 127.0.0.1 -p 0 2>&1 & server=$!; cat >/dev/null; kill $server";

    private static URI endpoint;

    private MotoServer() {
    }

    /** Starts moto on first use; later calls return the same endpoint. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static URI start() {
        try {
            Process shell = new ProcessBuilder("sh", "-c", WRAPPER).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(shell::destroy, "moto-stop"));
            BufferedReader output = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "moto-output");
                    drain.setDaemon(true);
                    drain.start();
                    return URI.create(listening.group(1));
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("moto_server exited before listening; is moto[server] installed"
                    + " (pip install 'moto[server]')? It said:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server through sh", e);
        }
    }
}
