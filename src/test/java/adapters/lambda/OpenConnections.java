package adapters.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Established TCP connections to a loopback port, read from the kernel's table (IPv4 and IPv6: Java uses both). */
final class OpenConnections {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private OpenConnections() {
    }

    /** Connections whose far end is the port, from any process on this machine. */
    static long to(int port) {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        return TABLES.stream().filter(Files::isReadable).flatMap(OpenConnections::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 3 && fields[2].endsWith(suffix) && fields[3].equals(ESTABLISHED))
                .count();
    }

    /** The count once it reaches zero, or the last count seen when the wait is over: closing a socket is asynchronous. */
    static long toSettled(int port, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        long open = to(port);
        while (open > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            open = to(port);
        }
        return open;
    }

    private static java.util.stream.Stream<String> lines(Path table) {
        try {
            return Files.readAllLines(table).stream().skip(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
