package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs integrations off the event loop on a bounded pool, and enforces the shorter of the function's timeout
 * (a Lambda error) and the integration timeout (API Gateway gives up).
 */
final class Invocations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);

    private final LambdaInvoker invoker;
    private final ThreadPoolExecutor pool;

    Invocations(LambdaInvoker invoker, int threads) {
        this.invoker = invoker;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                task -> {
                    Thread thread = new Thread(task, "lambda-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    CompletableFuture<Outcome> invoke(Route route, APIGatewayV2WebSocketEvent event) {
        String requestId = event.getRequestContext().getRequestId();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        long functionMillis = route.function().timeout().toMillis();
        long integrationMillis = route.integrationTimeout().toMillis();
        try {
            Future<?> running = pool.submit(() -> run(route, event, outcome));
            boolean lambdaFirst = functionMillis < integrationMillis;
            outcome.completeOnTimeout(new Outcome(lambdaFirst ? Outcome.Kind.FAILED : Outcome.Kind.TIMED_OUT, null,
                    requestId), Math.min(functionMillis, integrationMillis), TimeUnit.MILLISECONDS);
            // Lambda stops a function at its timeout; API Gateway's own timeout leaves it running.
            outcome.whenComplete((o, e) -> {
                if (lambdaFirst && o.kind() == Outcome.Kind.FAILED) {
                    running.cancel(true);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.warn("{} throttled: {} invocations queued", route.function().logicalId(), pool.getQueue().size());
            outcome.complete(new Outcome(Outcome.Kind.FAILED, null, requestId));
        }
        return outcome;
    }

    private void run(Route route, APIGatewayV2WebSocketEvent event, CompletableFuture<Outcome> outcome) {
        String requestId = event.getRequestContext().getRequestId();
        try {
            outcome.complete(new Outcome(Outcome.Kind.ANSWERED, invoker.invoke(route, event), requestId));
        } catch (RuntimeException | LinkageError | AssertionError failure) {
            LOG.warn("{} failed on {} (request {})", route.function().logicalId(), route.routeKey(), requestId, failure);
            outcome.complete(new Outcome(Outcome.Kind.FAILED, null, requestId));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
