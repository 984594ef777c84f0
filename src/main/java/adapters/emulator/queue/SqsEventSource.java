package adapters.emulator.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's SQS event source mapping, run locally against {@link LocalQueues}: long-polls the outbound queue,
 * hands each batch to the handler as an {@link SQSEvent}, deletes the messages it did not name in
 * {@code batchItemFailures} and leaves the rest to reappear after the visibility timeout, so the queue's
 * redrive policy dead-letters a message that keeps failing. Pollers scale with the backlog, up to
 * {@link EventSourceSettings#maximumConcurrency()} ({@link PollerScaling}); the handler must be thread-safe when that
 * is above one.
 */
@Singleton
public final class SqsEventSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final AtomicBoolean running = new AtomicBoolean();
    private final SqsClient client;
    private final Poller poller;
    private final EventSourceSettings settings;
    private final ExecutorService pollers;
    private final PollerScaling scaling;

    @Inject
    public SqsEventSource(LocalQueues queues, Function<SQSEvent, SQSBatchResponse> function, EventSourceSettings settings) {
        this.client = LocalSqsClients.forEndpoint(queues.endpoint(), queues.region(), settings.pollWait());
        this.settings = settings;
        this.pollers = Executors.newFixedThreadPool(settings.maximumConcurrency(), pollerThreads());
        this.scaling = new PollerScaling(settings.batchSize(), settings.maximumConcurrency());
        this.poller = new Poller(client, new QueueTarget(queues.queueUrl(), queues.queueArn()), function, settings,
                running::get, scaling, this::addPoller);
    }

    /** Starts the first poller; an event source starts once. */
    public void start() {
        if (!running.compareAndSet(false, true) || pollers.isShutdown()) {
            throw new IllegalStateException("this event source was already started");
        }
        scaling.first();
        pollers.execute(poller);
    }

    /** Pollers running now: one when the queue is drained, more while batches come back full. */
    public int activePollers() {
        return scaling.active();
    }

    private void addPoller() {
        try {
            pollers.execute(poller);
        } catch (RejectedExecutionException closing) {
            LOG.debug("not adding a poller: the event source is closing");
        }
    }

    /**
     * Stops polling and returns when every poller has stopped: each finishes the receive or the batch it is in
     * (a receive lasts at most the poll wait; a blocked HTTP read ignores interrupts) and settles that batch.
     * A poller still busy five seconds after its poll wait, in a slow handler, is interrupted.
     */
    @Override
    public void close() {
        running.set(false);
        pollers.shutdown();
        if (!awaitPollers(settings.pollWait().plus(GRACE))) {
            pollers.shutdownNow();
            if (!awaitPollers(GRACE)) {
                LOG.warn("a poller is still running; its handler has not returned");
            }
        }
        client.close();
    }

    /** True while a poller thread is alive. */
    public boolean isRunning() {
        return !pollers.isTerminated();
    }

    private boolean awaitPollers(Duration timeout) {
        try {
            return pollers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pollers.isTerminated();
        }
    }

    private static ThreadFactory pollerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sqs-event-source-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
