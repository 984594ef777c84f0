package domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import ports.ConnectionRepository;
import ports.PushGateway;

/**
 * Delivers one notification to every live connection of its target.
 *
 * <p>Pushes run concurrently, at most {@code maxInFlight} at a time, counted per notification or, for deliveries that
 * run at once, against one limit they share ({@link #inFlightLimit()}). A connection the gateway
 * reports gone, or whose record has outlived its expiry, is evicted: its record, and only its
 * record, is removed. Throttled and transient failures are retried per {@link RetryPolicy};
 * whatever still fails afterwards is reported so the queue can redeliver the notification.
 */
public final class FanOut {
    private final ConnectionRepository repository;
    private final PushGateway gateway;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int maxInFlight;

    public FanOut(ConnectionRepository repository, PushGateway gateway, RetryPolicy retryPolicy, Sleeper sleeper,
                  Clock clock, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.repository = repository;
        this.gateway = gateway;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
    }

    /** Throws {@link ConnectionRepositoryException} when the audience cannot be read. */
    public DeliveryReport deliver(Notification notification) {
        return deliver(notification, inFlightLimit());
    }

    /**
     * A bound of {@code maxInFlight} pushes that deliveries running at once can share, so that together they keep
     * within it. Fair, so that the one push of a notification for one connection queues behind the next push of each
     * other notification, not behind every push of one for ten thousand.
     */
    Semaphore inFlightLimit() {
        return new Semaphore(maxInFlight, true);
    }

    /** As {@link #deliver(Notification)}, counting its pushes against a limit it may share with other deliveries. */
    DeliveryReport deliver(Notification notification, Semaphore inFlight) {
        Instant start = clock.instant();
        Map<ConnectionId, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        List<ConnectionId> pending = new ArrayList<>();
        for (Recipient recipient : repository.audienceOf(notification.target())) {
            if (recipient.isLiveAt(start)) {
                pending.add(recipient.connectionId());
            } else {
                outcomes.put(recipient.connectionId(), evict(recipient.connectionId()));
            }
        }
        int round = 0;
        while (!pending.isEmpty() && round < retryPolicy.maxAttempts()) {
            if (round > 0) {
                sleeper.sleep(retryPolicy.delayAfter(round));
            }
            round++;
            pending = settle(pushAll(pending, notification.payload(), inFlight), outcomes);
        }
        pending.forEach(id -> outcomes.put(id, DeliveryOutcome.STILL_FAILING));
        return new DeliveryReport(notification.id(), outcomes, round, Duration.between(start, clock.instant()));
    }

    /** Records the final outcomes and returns the connections worth another attempt. */
    private List<ConnectionId> settle(Map<ConnectionId, PushResult> results, Map<ConnectionId, DeliveryOutcome> outcomes) {
        List<ConnectionId> retry = new ArrayList<>();
        results.forEach((id, result) -> {
            switch (result) {
                case DELIVERED -> outcomes.put(id, DeliveryOutcome.DELIVERED);
                case GONE -> outcomes.put(id, evict(id));
                case TOO_LARGE, FORBIDDEN -> outcomes.put(id, DeliveryOutcome.FAILED_PERMANENTLY);
                case THROTTLED, FAILED -> retry.add(id);
            }
        });
        return retry;
    }

    /** A failed eviction is retried with the notification, so the stale record cannot linger unseen. */
    private DeliveryOutcome evict(ConnectionId id) {
        try {
            repository.remove(id);
            return DeliveryOutcome.EVICTED;
        } catch (ConnectionRepositoryException e) {
            return DeliveryOutcome.STILL_FAILING;
        }
    }

    /** Results in the order of {@code ids}, so that a report reads the same on every run. */
    private Map<ConnectionId, PushResult> pushAll(List<ConnectionId> ids, String payload, Semaphore inFlight) {
        Map<ConnectionId, PushResult> results = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pushes = new ArrayList<>(ids.size());
        for (ConnectionId id : ids) {
            inFlight.acquireUninterruptibly();
            pushes.add(pushOne(id, payload).handle((result, error) -> {
                results.put(id, error == null && result != null ? result : PushResult.FAILED);
                inFlight.release();
                return result;
            }));
        }
        CompletableFuture.allOf(pushes.toArray(CompletableFuture[]::new)).join();
        Map<ConnectionId, PushResult> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, results.get(id)));
        return ordered;
    }

    private CompletableFuture<PushResult> pushOne(ConnectionId id, String payload) {
        try {
            return gateway.push(id, payload).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(PushResult.FAILED);
        }
    }
}
