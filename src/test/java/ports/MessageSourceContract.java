package ports;

import static org.assertj.core.api.Assertions.assertThat;

import domain.InboundMessage;
import domain.NotificationDefect;
import domain.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageSource} must do. Each test gets a fresh source holding exactly the
 * messages it put there, and reads what comes back from {@link #nextAttempt}: a queue read again
 * and a Lambda batch followed by the next event keep the same promises.
 */
public abstract class MessageSourceContract {

    /** A fresh source holding a valid notification with the given id, then a malformed message. */
    protected abstract MessageSource sourceWithOneValidAndOneMalformed(String notificationId);

    /**
     * The source a later attempt reads, once the queue has taken back what {@code source} failed or
     * gave no verdict: the same queue after its visibility timeout, or the next Lambda event.
     */
    protected abstract MessageSource nextAttempt(MessageSource source);

    /** The reasons of the messages in the dead-letter queue of the latest source, in order. */
    protected abstract List<String> deadLetterReasons();

    @Test
    void receive_handsOutEachMessageWithItsParseResult() {
        MessageSource source = sourceWithOneValidAndOneMalformed("n-1");

        List<InboundMessage> batch = source.receive();

        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).content()).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.notification().id()).isEqualTo("n-1"));
        assertThat(batch.get(1).content()).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.defect()).isEqualTo(NotificationDefect.NOT_JSON));
        assertThat(batch).allSatisfy(message -> assertThat(message.receiveCount()).isEqualTo(1));
    }

    @Test
    void acknowledged_messagesDoNotComeBack() {
        MessageSource source = sourceWithOneValidAndOneMalformed("n-2");
        source.receive().forEach(source::acknowledge);

        assertThat(nextAttempt(source).receive()).isEmpty();
    }

    @Test
    void failed_messagesComeBackWithAHigherReceiveCount() {
        MessageSource source = sourceWithOneValidAndOneMalformed("n-3");
        List<InboundMessage> first = source.receive();
        source.fail(first.get(0), "throttled");
        source.acknowledge(first.get(1));

        List<InboundMessage> again = nextAttempt(source).receive();

        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(first.get(0).messageId());
            assertThat(message.receiveCount()).isEqualTo(2);
            assertThat(message.content()).isEqualTo(first.get(0).content());
        });
    }

    @Test
    void messagesGivenNoVerdict_comeBackForALaterAttempt() {
        MessageSource source = sourceWithOneValidAndOneMalformed("n-5");
        List<InboundMessage> first = source.receive();
        source.acknowledge(first.get(0));

        List<InboundMessage> again = nextAttempt(source).receive();

        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(first.get(1).messageId());
            assertThat(message.receiveCount()).isEqualTo(2);
            assertThat(message.content()).isEqualTo(first.get(1).content());
        });
        assertThat(deadLetterReasons()).isEmpty();
    }

    @Test
    void deadLettered_messagesLeaveWithTheirReason() {
        MessageSource source = sourceWithOneValidAndOneMalformed("n-4");
        List<InboundMessage> batch = source.receive();
        source.acknowledge(batch.get(0));
        source.deadLetter(batch.get(1), "NOT_JSON: the message body is not a JSON object");

        assertThat(nextAttempt(source).receive()).isEmpty();
        assertThat(deadLetterReasons()).containsExactly("NOT_JSON: the message body is not a JSON object");
    }
}
