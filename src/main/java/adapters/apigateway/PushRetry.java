package adapters.apigateway;

import domain.PushResult;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Retries a push that came back THROTTLED or FAILED a few times, quickly: exponential backoff with
 * jitter, waiting on a scheduler rather than a blocked thread. Short on purpose, because the
 * domain's fan-out retries what is still failing in slower rounds of its own.
 */
final class PushRetry {
    static final int MAX_ATTEMPTS = 3;
    static final Duration BASE = Duration.ofMillis(25);
    static final Duration CAP = Duration.ofMillis(250);
    /** Resilience4j's default: each pause is drawn from 50% to 150% of the exponential step. */
    private static final double JITTER = 0.5;

    private final Retry retry;
    private final ScheduledExecutorService scheduler;

    PushRetry(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.retry = Retry.of("apigateway-push", RetryConfig.<PushResult>custom()
                .maxAttempts(MAX_ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(BASE, 2.0, JITTER, CAP))
                .retryOnResult(PushResult::isRetryable)
                .retryOnException(failure -> false)
                .build());
    }

    /** One daemon thread only schedules the next attempt; the pushes themselves run on the HTTP client. */
    static PushRetry standard() {
        return new PushRetry(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "apigateway-push-retry");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Runs the attempt, and again while it is retryable and attempts remain; ends with the last result. */
    CompletionStage<PushResult> run(Supplier<CompletionStage<PushResult>> attempt) {
        return retry.executeCompletionStage(scheduler, attempt);
    }
}
