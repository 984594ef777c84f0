package adapters.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The live line on stderr, once a second: connections open, notifications sent and received, the current rate. */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
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
        err.printf("\r[%s] open %,d/%,d (failed %,d) | sent %,d | received %,d | %,d/s    ", bed.fleet.phase().name,
                bed.fleet.opened.sum(), bed.fleet.size(), bed.fleet.failed.sum(), bed.sent.sum(), received,
                received - lastReceived);
        err.flush();
        lastReceived = received;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        print();
        err.println();
    }
}
