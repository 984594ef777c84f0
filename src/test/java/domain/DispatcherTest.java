package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.CLOCK;
import static domain.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final ScriptedPushGateway gateway = new ScriptedPushGateway();
    private final InMemoryMessageQueue queue = new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, CLOCK);
    private final RetryPolicy retries = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, new Random(1));

    private Dispatcher dispatcher(ports.ConnectionRepository store) {
        return new Dispatcher(new FanOut(store, gateway, retries, pause -> { }, CLOCK, 4));
    }

    private Dispatcher dispatcher() {
        return dispatcher(repository);
    }

    private static Notification notification(String id) {
        return new Notification(id, "test", "export.completed", Optional.empty(), Target.user(ALICE), id);
    }

    @Test
    void givenDeliveredNotification_dispatch_acknowledgesIt() {
        repository.save(connection("c", ALICE));
        queue.send(notification("n-1"));

        List<Disposition> dispositions = dispatcher().dispatch(queue);

        assertThat(dispositions).singleElement()
                .satisfies(disposition -> assertThat(disposition.verdict()).isEqualTo(Disposition.Verdict.ACKNOWLEDGED));
        assertThat(queue.depth()).isZero();
    }

    @Test
    void givenMalformedMessageInABatch_dispatch_deadLettersItWithItsReasonAndDeliversTheRest() {
        Connection live = connection("c", ALICE);
        repository.save(live);
        queue.send(notification("n-1"));
        queue.send(ParseResult.rejected(NotificationDefect.NO_TARGET, "set exactly one of 'userid' or 'claimid'"));
        queue.send(notification("n-3"));

        List<Disposition> dispositions = dispatcher().dispatch(queue);

        assertThat(dispositions).extracting(Disposition::verdict).containsExactly(
                Disposition.Verdict.ACKNOWLEDGED, Disposition.Verdict.DEAD_LETTERED, Disposition.Verdict.ACKNOWLEDGED);
        assertThat(queue.deadLetters()).singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.reason()).startsWith("NO_TARGET: set exactly one"));
        assertThat(gateway.pushesTo(live.id())).isEqualTo(2);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void givenSomethingRetryableLeft_dispatch_failsTheMessageSoTheQueueRedeliversIt() {
        Connection busy = connection("busy", ALICE);
        repository.save(busy);
        gateway.answer(busy.id(), PushResult.THROTTLED);
        queue.send(notification("n-1"));

        Disposition disposition = dispatcher().dispatch(queue).get(0);

        assertThat(disposition.verdict()).isEqualTo(Disposition.Verdict.RETRY);
        assertThat(disposition.reason()).contains("still_failing=1");
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.deadLetters()).isEmpty();
    }

    @Test
    void givenGatewayRefusingForGood_dispatch_deadLettersAtOnceInsteadOfRetrying() {
        Connection forbidden = connection("forbidden", ALICE);
        repository.save(forbidden);
        gateway.answer(forbidden.id(), PushResult.FORBIDDEN);
        queue.send(notification("n-1"));

        Disposition disposition = dispatcher().dispatch(queue).get(0);

        assertThat(disposition.verdict()).isEqualTo(Disposition.Verdict.DEAD_LETTERED);
        assertThat(queue.deadLetters()).singleElement()
                .satisfies(deadLetter -> assertThat(deadLetter.reason()).contains("failed_permanently=1"));
    }

    @Test
    void givenGoneConnectionsOnly_dispatch_acknowledgesBecauseNothingIsLeftToRetry() {
        Connection gone = connection("gone", ALICE);
        repository.save(gone);
        gateway.answer(gone.id(), PushResult.GONE);
        queue.send(notification("n-1"));

        assertThat(dispatcher().dispatch(queue).get(0).verdict()).isEqualTo(Disposition.Verdict.ACKNOWLEDGED);
        assertThat(repository.find(gone.id())).isEmpty();
    }

    @Test
    void givenStoreUnavailable_dispatch_failsTheMessageForALaterAttempt() {
        queue.send(notification("n-1"));

        Disposition disposition = dispatcher(new ConnectionStoreFailingOnRemove(repository).failingReads()).dispatch(queue).get(0);

        assertThat(disposition.verdict()).isEqualTo(Disposition.Verdict.RETRY);
        assertThat(disposition.reason()).startsWith("connection store unavailable");
    }

    @Test
    void givenEmptyQueue_dispatch_doesNothing() {
        assertThat(dispatcher().dispatch(queue)).isEmpty();
    }
}
