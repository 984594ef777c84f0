package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.CLOCK;
import static domain.Fixtures.connection;
import static domain.Fixtures.positionIn;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import adapters.memory.InMemoryNotificationHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import ports.NotificationHistory;
import ports.PushGateway;

class BatchDeliveryTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final ScriptedPushGateway gateway = new ScriptedPushGateway();
    private final InMemoryMessageQueue queue = new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, CLOCK);
    private final RetryPolicy retries = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, new Random(1));

    private BatchDelivery batchDelivery(ports.ConnectionRepository store) {
        return new BatchDelivery(new FanOut(store, gateway, retries, pause -> { }, CLOCK, 4));
    }

    private BatchDelivery batchDelivery() {
        return batchDelivery(repository);
    }

    private static Notification notification(String id) {
        return new Notification(id, "test", "export.completed", Optional.empty(), Target.user(ALICE), id);
    }

    @Test
    void givenDeliveredNotification_deliver_acknowledgesIt() {
        repository.save(connection("c", ALICE));
        queue.send(notification("n-1"));

        List<HandledMessage> handled = batchDelivery().deliver(queue);

        assertThat(handled).singleElement()
                .satisfies(message -> assertThat(message.verdict()).isEqualTo(Verdict.ACKNOWLEDGED));
        assertThat(queue.depth()).isZero();
    }

    @Test
    void givenMalformedMessageInABatch_deliver_deadLettersItWithItsReasonAndDeliversTheRest() {
        Connection live = connection("c", ALICE);
        repository.save(live);
        queue.send(notification("n-1"));
        queue.send(ParseResult.rejected(NotificationDefect.NO_TARGET, "set exactly one of 'userid' or 'claimid'"));
        queue.send(notification("n-3"));

        List<HandledMessage> handled = batchDelivery().deliver(queue);

        assertThat(handled).extracting(HandledMessage::verdict).containsExactly(
                Verdict.ACKNOWLEDGED, Verdict.DEAD_LETTERED, Verdict.ACKNOWLEDGED);
        assertThat(queue.deadLetters()).singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.reason()).startsWith("NO_TARGET: set exactly one"));
        assertThat(gateway.pushesTo(live.id())).isEqualTo(2);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void givenSomethingRetryableLeft_deliver_failsTheMessageSoTheQueueRedeliversIt() {
        Connection busy = connection("busy", ALICE);
        repository.save(busy);
        gateway.answer(busy.id(), PushResult.THROTTLED);
        queue.send(notification("n-1"));

        HandledMessage handled = batchDelivery().deliver(queue).get(0);

        assertThat(handled.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(handled.reason()).contains("still_failing=1");
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.deadLetters()).isEmpty();
    }

    @Test
    void givenGatewayRefusingForGood_deliver_deadLettersAtOnceInsteadOfRetrying() {
        Connection forbidden = connection("forbidden", ALICE);
        repository.save(forbidden);
        gateway.answer(forbidden.id(), PushResult.FORBIDDEN);
        queue.send(notification("n-1"));

        HandledMessage handled = batchDelivery().deliver(queue).get(0);

        assertThat(handled.verdict()).isEqualTo(Verdict.DEAD_LETTERED);
        assertThat(queue.deadLetters()).singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.reason()).contains("failed_permanently=1"));
    }

    @Test
    void givenGoneConnectionsOnly_deliver_acknowledgesBecauseNothingIsLeftToRetry() {
        Connection gone = connection("gone", ALICE);
        repository.save(gone);
        gateway.answer(gone.id(), PushResult.GONE);
        queue.send(notification("n-1"));

        assertThat(batchDelivery().deliver(queue).get(0).verdict()).isEqualTo(Verdict.ACKNOWLEDGED);
        assertThat(repository.find(gone.id())).isEmpty();
    }

    @Test
    void givenStoreUnavailable_deliver_failsTheMessageForALaterAttempt() {
        queue.send(notification("n-1"));

        HandledMessage handled = batchDelivery(new ConnectionRepositoryFailingOnRemove(repository).failingReads())
                .deliver(queue).get(0);

        assertThat(handled.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(handled.reason()).startsWith("connection repository unavailable");
    }

    @Test
    void givenEmptyQueue_deliver_doesNothing() {
        assertThat(batchDelivery().deliver(queue)).isEmpty();
    }

    @Test
    void givenHistoryOn_eachNotificationIsRecordedBeforeItIsPushed_andCarriesItsPosition() {
        Connection live = connection("c", ALICE);
        repository.save(live);
        InMemoryNotificationHistory history = new InMemoryNotificationHistory();
        List<String> pushed = new ArrayList<>();
        PushGateway recordingCheck = (id, payload) -> {
            Position position = positionIn(payload);
            assertThat(history.holds(Target.user(ALICE), position)).as("recorded before the push").isTrue();
            pushed.add(payload);
            return CompletableFuture.completedFuture(PushResult.DELIVERED);
        };
        queue.send(jsonNotification("n-1"));

        new BatchDelivery(new FanOut(repository, recordingCheck, retries, pause -> { }, CLOCK, 4),
                new HistoryRecorder(history, HistoryPolicy.DEFAULT, CLOCK)).deliver(queue);

        assertThat(pushed).singleElement().asString()
                .isEqualTo("{\"heraldposition\":\"" + Position.of(Fixtures.NOW, "n-1", 1).text() + "\",\"id\":\"n-1\"}");
    }

    @Test
    void givenTheHistoryCannotBeWritten_theMessageIsRetried_andNothingIsPushed() {
        Connection live = connection("c", ALICE);
        repository.save(live);
        NotificationHistory unavailable = new NotificationHistory() {
            @Override
            public void append(HistoryEntry entry) {
                throw new HistoryUnavailableException("throttled");
            }

            @Override
            public List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now) {
                throw new HistoryUnavailableException("throttled");
            }
        };
        queue.send(jsonNotification("n-1"));

        HandledMessage handled = new BatchDelivery(new FanOut(repository, gateway, retries, pause -> { }, CLOCK, 4),
                new HistoryRecorder(unavailable, HistoryPolicy.DEFAULT, CLOCK)).deliver(queue).get(0);

        assertThat(handled.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(handled.reason()).startsWith(BatchDelivery.UNRECORDED).contains("throttled");
        assertThat(gateway.pushesTo(live.id())).isZero();
    }

    @Test
    void everyAttempt_isRecordedAtAPositionOfItsOwn() {
        InMemoryNotificationHistory history = new InMemoryNotificationHistory();
        HistoryRecorder recorder = new HistoryRecorder(history, HistoryPolicy.DEFAULT, CLOCK);

        Notification first = recorder.record(jsonNotification("n-1"), 1);
        Notification second = recorder.record(jsonNotification("n-1"), 2);

        assertThat(positionIn(first.payload())).isNotEqualTo(positionIn(second.payload()));
        assertThat(history.size()).isEqualTo(2);
    }

    private static Notification jsonNotification(String id) {
        return Fixtures.jsonNotification(id, Target.user(ALICE));
    }
}
