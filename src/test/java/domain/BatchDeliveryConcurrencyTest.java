package domain;

import static domain.Fixtures.CLOCK;
import static domain.Fixtures.connection;
import static domain.Fixtures.positionIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import adapters.memory.InMemoryNotificationHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ports.ForwardingMessageSource;
import ports.NotificationHistory;
import ports.PushGateway;

/**
 * The messages of a batch fanned out at once on a thread pool. A push that waits for another message gives up after
 * {@link #PATIENCE} and fails, so that code which runs the messages in turn fails these tests instead of hanging them.
 */
class BatchDeliveryConcurrencyTest {
    private static final long PATIENCE = 10;
    private static final Executor A_MOMENT_LATER = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final TellingSource source = new TellingSource(new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, CLOCK));
    private final RetryPolicy retries = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, new Random(1));

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private BatchDelivery delivery(PushGateway gateway, int maxInFlight, HistoryRecorder recorder) {
        return new BatchDelivery(new FanOut(repository, gateway, retries, pause -> { }, CLOCK, maxInFlight), recorder, threads);
    }

    private BatchDelivery delivery(PushGateway gateway) {
        return delivery(gateway, 4, HistoryRecorder.off());
    }

    private Connection connected(String name) {
        Connection connection = connection(name, UserId.of(name));
        repository.save(connection);
        return connection;
    }

    private void send(String id, String user) {
        source.queue.send(new Notification(id, "test", "export.completed", Optional.empty(), Target.user(UserId.of(user)), id));
    }

    @Test
    void givenAPushThatWaitsForTheNextMessage_deliver_fansTheMessagesOutAtOnce() {
        Connection alices = connected("alice");
        Connection bobs = connected("bob");
        CompletableFuture<PushResult> bobPushed = new CompletableFuture<>();
        PushGateway gateway = (id, payload) -> {
            if (id.equals(bobs.id())) {
                bobPushed.complete(PushResult.DELIVERED);
            }
            return id.equals(alices.id()) ? waitFor(bobPushed) : CompletableFuture.completedFuture(PushResult.DELIVERED);
        };
        send("n-1", "alice");
        send("n-2", "bob");

        List<HandledMessage> handled = delivery(gateway).deliver(source);

        assertThat(handled).extracting(HandledMessage::verdict).containsExactly(Verdict.ACKNOWLEDGED, Verdict.ACKNOWLEDGED);
    }

    @Test
    void givenAMixedBatch_eachMessageKeepsItsVerdictAndReason_andIsToldOnce_inBatchOrder() {
        connected("alice");
        ScriptedPushGateway gateway = new ScriptedPushGateway()
                .answer(connected("bob").id(), PushResult.GONE)
                .answer(connected("carol").id(), PushResult.THROTTLED)
                .answer(connected("dave").id(), PushResult.FORBIDDEN);
        send("n-ok", "alice");
        source.queue.send(ParseResult.rejected(NotificationDefect.NO_TARGET, "set exactly one of 'userid' or 'claimid'"));
        send("n-gone", "bob");
        send("n-busy", "carol");
        send("n-forbidden", "dave");

        List<HandledMessage> handled = delivery(gateway).deliver(source);

        assertThat(handled).extracting(HandledMessage::messageId).containsExactly("msg-1", "msg-2", "msg-3", "msg-4", "msg-5");
        assertThat(handled).extracting(HandledMessage::verdict).containsExactly(Verdict.ACKNOWLEDGED,
                Verdict.DEAD_LETTERED, Verdict.ACKNOWLEDGED, Verdict.RETRY, Verdict.DEAD_LETTERED);
        assertThat(handled.get(1).reason()).startsWith("NO_TARGET");
        assertThat(handled.get(2).reason()).contains("evicted=1");
        assertThat(handled.get(3).reason()).startsWith("retries left over").contains("still_failing=1");
        assertThat(handled.get(4).reason()).startsWith("the gateway refused it for good");
        assertThat(source.told).containsExactly("msg-1 acknowledged", "msg-2 dead-lettered", "msg-3 acknowledged",
                "msg-4 failed", "msg-5 dead-lettered");
        assertThat(repository.find(ConnectionId.of("bob"))).isEmpty();
    }

    @Test
    void givenBigAudiences_thePushesInFlightOfTheWholeBatch_stayWithinOneFanOutsBound() {
        CountingGateway gateway = new CountingGateway();
        for (int user = 0; user < 6; user++) {
            for (int device = 0; device < 8; device++) {
                repository.save(connection("u" + user + "-d" + device, UserId.of("u" + user)));
            }
            send("n-" + user, "u" + user);
        }

        List<HandledMessage> handled = delivery(gateway, 4, HistoryRecorder.off()).deliver(source);

        assertThat(handled).extracting(HandledMessage::verdict).containsOnly(Verdict.ACKNOWLEDGED).hasSize(6);
        assertThat(gateway.pushes.get()).isEqualTo(48);
        assertThat(gateway.most.get()).isBetween(1, 4);
    }

    @Test
    void givenTwoMessagesToOneTarget_theSecondStartsOnlyOnceTheFirstIsDelivered() {
        Connection bobs = connected("bob");
        connected("alice");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<PushResult> bobPushed = new CompletableFuture<>();
        PushGateway gateway = (id, payload) -> {
            events.add("push " + payload);
            if (id.equals(bobs.id())) {
                bobPushed.complete(PushResult.DELIVERED);
            }
            return payload.equals("n-1")
                    ? waitFor(bobPushed).thenApply(result -> { events.add("delivered n-1"); return result; })
                    : CompletableFuture.completedFuture(PushResult.DELIVERED);
        };
        send("n-1", "alice");
        send("n-2", "bob");
        send("n-3", "alice");

        List<HandledMessage> handled = delivery(gateway).deliver(source);

        assertThat(handled).extracting(HandledMessage::verdict).containsOnly(Verdict.ACKNOWLEDGED);
        assertThat(events).containsSubsequence("delivered n-1", "push n-3");
    }

    @Test
    void givenHistoryOn_eachMessageIsRecordedBeforeItsOwnPushes_andOneThatCannotBeIsNeverPushed() {
        connected("bob");
        connected("alice");
        connected("carol");
        InMemoryNotificationHistory history = new InMemoryNotificationHistory();
        List<String> unrecordedPushes = Collections.synchronizedList(new ArrayList<>());
        PushGateway gateway = (id, payload) -> {
            if (!history.holds(Target.user(UserId.of(id.value())), positionIn(payload))) {
                unrecordedPushes.add(id + " " + payload);
            }
            return CompletableFuture.completedFuture(PushResult.DELIVERED);
        };
        List.of("alice", "bob", "carol").forEach(user ->
                source.queue.send(Fixtures.jsonNotification("n-" + user, Target.user(UserId.of(user)))));

        List<HandledMessage> handled = delivery(gateway, 4,
                new HistoryRecorder(refusing(Target.user(UserId.of("bob")), history), HistoryPolicy.DEFAULT, CLOCK))
                .deliver(source);

        assertThat(handled).extracting(HandledMessage::verdict)
                .containsExactly(Verdict.ACKNOWLEDGED, Verdict.RETRY, Verdict.ACKNOWLEDGED);
        assertThat(handled.get(1).reason()).startsWith(BatchDelivery.UNRECORDED);
        assertThat(unrecordedPushes).isEmpty();
        assertThat(history.size()).isEqualTo(2);
        assertThat(handled.get(1).report()).isEmpty();
    }

    @Test
    void givenAFailureNobodyExpected_theBatchStopsThere_once_everyMessageHasFinished() {
        Connection bobs = connected("bob");
        connected("alice");
        Connection carols = connected("carol");
        List<ConnectionId> pushed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch carolPushed = new CountDownLatch(1);
        // Bob's crash waits for Carol's push: a crash seen before the batch has started Carol's message would stop the
        // batch there (as on the simulation's same thread), and which of the two came first would be the threads' luck.
        PushGateway gateway = (id, payload) -> {
            if (id.equals(bobs.id())) {
                awaitQuietly(carolPushed);
                throw new Crash();
            }
            pushed.add(id);
            if (id.equals(carols.id())) {
                carolPushed.countDown();
            }
            return CompletableFuture.completedFuture(PushResult.DELIVERED);
        };
        send("n-1", "alice");
        send("n-2", "bob");
        send("n-3", "carol");

        assertThatThrownBy(() -> delivery(gateway).deliver(source)).isInstanceOf(Crash.class);
        assertThat(source.told).containsExactly("msg-1 acknowledged");
        assertThat(pushed).contains(carols.id());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes as {@code other} does, or fails once the test's patience runs out. */
    private static CompletableFuture<PushResult> waitFor(CompletableFuture<PushResult> other) {
        return other.copy().completeOnTimeout(PushResult.FAILED, PATIENCE, TimeUnit.SECONDS);
    }

    private static NotificationHistory refusing(Target target, NotificationHistory history) {
        return new NotificationHistory() {
            @Override
            public void append(HistoryEntry entry) {
                if (entry.target().equals(target)) {
                    throw new HistoryUnavailableException("throttled");
                }
                history.append(entry);
            }

            @Override
            public List<HistoryEntry> newestFrom(Target of, Position from, int limit, Instant now) {
                return history.newestFrom(of, from, limit, now);
            }
        };
    }

    /** Answers every push a moment later, from another thread, and keeps the most pushes it ever had in flight at once. */
    private static final class CountingGateway implements PushGateway {
        final AtomicInteger pushes = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();

        @Override
        public CompletionStage<PushResult> push(ConnectionId id, String payload) {
            pushes.incrementAndGet();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return PushResult.DELIVERED;
            }, A_MOMENT_LATER);
        }
    }

    /** The in-memory queue, noting each verdict it is told. */
    private static final class TellingSource extends ForwardingMessageSource {
        final InMemoryMessageQueue queue;
        final List<String> told = Collections.synchronizedList(new ArrayList<>());

        TellingSource(InMemoryMessageQueue queue) {
            super(queue);
            this.queue = queue;
        }

        @Override
        public void acknowledge(InboundMessage message) {
            told.add(message.messageId() + " acknowledged");
            super.acknowledge(message);
        }

        @Override
        public void fail(InboundMessage message, String reason) {
            told.add(message.messageId() + " failed");
            super.fail(message, reason);
        }

        @Override
        public void deadLetter(InboundMessage message, String reason) {
            told.add(message.messageId() + " dead-lettered");
            super.deadLetter(message, reason);
        }
    }

    /** Something no rule expects, such as a bug: an Error, so that nothing on the way catches it. */
    private static final class Crash extends Error {
    }
}
