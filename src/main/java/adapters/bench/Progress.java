package adapters.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live line on stderr, once a second: connections open, notifications sent and received, the current rate, and
 * the gateway's heap after its last GC and its RSS, read without forcing a GC so that watching changes nothing.
 */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService ticker = Tickers.daemon("bench-progress");
    private final Testbed bed;
    private final PrintStream err;
    private long lastReceived;

    Progress(Testbed bed, PrintStream err) {
        this.bed = bed;
        this.err = err;
    }

    Progress start() {
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void print() {
        long received = bed.fleet.notifications.sum();
        err.printf("\r[%s] open %,d/%,d (failed %,d) | sent %,d | received %,d | %,d/s | %s    ", bed.fleet.phase().name,
                bed.fleet.opened.sum(), bed.fleet.size(), bed.fleet.failed.sum(), bed.sent.sum(), received,
                received - lastReceived, footprint());
        err.flush();
        lastReceived = received;
    }

    private String footprint() {
        try {
            GatewayProbe.Stats stats = bed.gateway.statsWithoutGc();
            return "heap after GC " + mebibytes(stats.heapAfterLastGcBytes()) + " | RSS " + mebibytes(stats.rssBytes());
        } catch (IOException e) {
            return "heap and RSS unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "?" : String.format("%,d MiB", bytes / (1024 * 1024));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        print();
        err.println();
    }
}
