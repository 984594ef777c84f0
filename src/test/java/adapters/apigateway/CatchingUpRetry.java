package adapters.apigateway;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import testsupport.WebSocketTestClient;

/**
 * The standard push retry, except that its first backoff lasts until a stalled client has read the messages that
 * filled the gateway's buffer for it: a client catching up after a hiccup. A push the gateway throttled is then seen
 * delivered on its retry, without guessing how long the client takes to read.
 */
final class CatchingUpRetry {
    private CatchingUpRetry() {
    }

    static PushRetry after(WebSocketTestClient stalled, int queued) {
        AtomicBoolean caughtUp = new AtomicBoolean();
        return new PushRetry(new ScheduledThreadPoolExecutor(1, CatchingUpRetry::daemon) {
            @Override
            public ScheduledFuture<?> schedule(Runnable retry, long delay, TimeUnit unit) {
                if (caughtUp.compareAndSet(false, true)) {
                    readAll(stalled, queued);
                }
                return super.schedule(retry, delay, unit);
            }
        });
    }

    private static void readAll(WebSocketTestClient stalled, int queued) {
        stalled.resume();
        try {
            for (int i = 0; i < queued; i++) {
                stalled.next();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "catching-up-retry");
        thread.setDaemon(true);
        return thread;
    }
}
