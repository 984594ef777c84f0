package ports;

import domain.InboundMessage;
import java.util.List;

/**
 * A queue of notifications, read in batches with a verdict per message: a Lambda SQS batch, a
 * polled queue, or an in-memory queue. The queue moves a message that keeps failing to its
 * dead-letter queue after its receive limit.
 */
public interface MessageSource {

    /** Returns the next batch, empty when nothing is waiting; each message stays in flight until it gets a verdict. */
    List<InboundMessage> receive();

    /** The message was handled: it leaves the queue for good. */
    void acknowledge(InboundMessage message);

    /** The message could not be handled now: it returns to the queue for a later attempt. */
    void fail(InboundMessage message, String reason);

    /** The message can never be handled: it goes to the dead-letter queue at once, with the reason. */
    void deadLetter(InboundMessage message, String reason);
}
