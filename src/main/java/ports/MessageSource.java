package ports;

import domain.InboundMessage;
import java.util.List;

/**
 * A queue of notifications, read in batches with a verdict per message: a Lambda SQS batch, a
 * polled queue, or an in-memory queue. A message comes back for a later attempt (the next receive
 * once its visibility timeout runs out, or the next Lambda event) until it is acknowledged or
 * dead-lettered, whether it was failed or given no verdict at all, so none is lost. Delivery is at
 * least once: a message can come twice. The queue moves a message that keeps coming back to its
 * dead-letter queue after its receive limit.
 */
public interface MessageSource {

    /** Returns the messages waiting, each with its parse result and how often it was handed out; empty when none is. */
    List<InboundMessage> receive();

    /** The message was handled: it leaves the queue for good. */
    void acknowledge(InboundMessage message);

    /** The message could not be handled now: it comes back for a later attempt, its receive count one higher. */
    void fail(InboundMessage message, String reason);

    /** The message can never be handled: it goes to the dead-letter queue with the reason, or comes back if that queue refuses it. */
    void deadLetter(InboundMessage message, String reason);
}
