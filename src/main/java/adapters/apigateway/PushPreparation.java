package adapters.apigateway;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the SDK's synchronous part of a push runs: marshalling, endpoint rules and the SigV4 signature happen on the
 * thread that calls the async client, before the request reaches the HTTP client's event loop. Called from the fan-out
 * loop, that is one thread for every push of a notification, which capped a fan-out at one core's worth of signing
 * (about 3,400 pushes/s, {@code herald bench --scenario fanout}). One thread per available processor spreads it over
 * every core Lambda gives the function (a vCPU per 1,769 MB), and costs a hand-off where there is just one.
 */
final class PushPreparation {
    private PushPreparation() {
    }

    /** The process-wide pool: daemon threads, one per available processor, created on first use. */
    static Executor shared() {
        return Holder.POOL;
    }

    private static final class Holder {
        private static final ExecutorService POOL = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                Thread thread = new Thread(task, "push-preparation-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
