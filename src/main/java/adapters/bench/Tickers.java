package adapters.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The bench's periodic tasks, each on a daemon thread of its own, so that one left running never keeps the JVM alive. */
final class Tickers {
    private Tickers() {
    }

    static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
