package adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.simulation.VirtualClock;
import domain.InboundMessage;
import domain.Notification;
import domain.NotificationDefect;
import domain.ParseResult;
import domain.Target;
import domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ports.MessageSource;
import ports.MessageSourceContract;

class InMemoryMessageQueueTest extends MessageSourceContract {
    private static final InMemoryMessageQueue.Settings SETTINGS = new InMemoryMessageQueue.Settings(10, Duration.ofSeconds(30), 3);
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private InMemoryMessageQueue latest;

    private static Notification notification(String id) {
        return new Notification(id, "test", "test.event", Optional.empty(), Target.user(UserId.of("u")), "{}");
    }

    @Override
    protected MessageSource sourceWithOneValidAndOneMalformed(String notificationId) {
        latest = new InMemoryMessageQueue(SETTINGS, clock);
        latest.send(notification(notificationId));
        latest.send(ParseResult.rejected(NotificationDefect.NOT_JSON, "'<html>' is not JSON"));
        return latest;
    }

    @Override
    protected MessageSource nextAttempt(MessageSource source) {
        clock.advance(SETTINGS.visibilityTimeout());
        return source;
    }

    @Override
    protected List<String> deadLetterReasons() {
        return latest.deadLetters().stream().map(InMemoryMessageQueue.DeadLetter::reason).toList();
    }

    @Test
    void aMessageFailedMaxReceiveCountTimes_movesToTheDeadLetterQueueOnTheNextReceive() {
        InMemoryMessageQueue queue = new InMemoryMessageQueue(SETTINGS, clock);
        queue.send(notification("poison"));
        for (int attempt = 1; attempt <= SETTINGS.maxReceiveCount(); attempt++) {
            InboundMessage message = queue.receive().get(0);
            assertThat(message.receiveCount()).isEqualTo(attempt);
            queue.fail(message, "still throttled");
            clock.advance(SETTINGS.visibilityTimeout());
        }

        assertThat(queue.receive()).isEmpty();
        assertThat(queue.deadLetters()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.reason()).contains("receive limit 3").contains("still throttled");
            assertThat(deadLetter.receiveCount()).isEqualTo(3);
        });
        assertThat(queue.depth()).isZero();
    }

    @Test
    void aReceivedMessage_staysInvisibleUntilItsVisibilityTimeoutRunsOut() {
        InMemoryMessageQueue queue = new InMemoryMessageQueue(SETTINGS, clock);
        queue.send(notification("hidden"));
        queue.receive();

        clock.advance(SETTINGS.visibilityTimeout().minusSeconds(1));
        assertThat(queue.receive()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.receive()).hasSize(1);
    }

    @Test
    void receive_handsOutAtMostTheBatchSize() {
        InMemoryMessageQueue queue = new InMemoryMessageQueue(new InMemoryMessageQueue.Settings(2, Duration.ofSeconds(30), 3), clock);
        queue.send(notification("1"));
        queue.send(notification("2"));
        queue.send(notification("3"));

        assertThat(queue.receive()).hasSize(2);
        assertThat(queue.receive()).hasSize(1);
    }
}
