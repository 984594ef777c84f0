package adapters.simulation;

import adapters.memory.InMemoryMessageQueue;
import domain.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import ports.MessageSource;

/**
 * The in-memory queue, sometimes handing out a message twice in a batch, as a standard SQS queue
 * may; tells the ledger when a message leaves the queue.
 */
public final class DuplicatingMessageSource implements MessageSource {
    private final InMemoryMessageQueue queue;
    private final FaultPlan plan;
    private final Ledger ledger;

    @Inject
    public DuplicatingMessageSource(InMemoryMessageQueue queue, FaultPlan plan, Ledger ledger) {
        this.queue = queue;
        this.plan = plan;
        this.ledger = ledger;
    }

    @Override
    public List<InboundMessage> receive() {
        List<InboundMessage> batch = new ArrayList<>(queue.receive());
        if (!batch.isEmpty() && plan.duplicateInNextBatch()) {
            InboundMessage twice = batch.get(plan.pick(batch.size()));
            batch.add(twice);
            ledger.note("DUPLICATE delivery of " + twice.messageId());
        }
        return batch;
    }

    @Override
    public void acknowledge(InboundMessage message) {
        queue.acknowledge(message);
        ledger.settled(message.messageId(), false);
    }

    @Override
    public void fail(InboundMessage message, String reason) {
        queue.fail(message, reason);
    }

    @Override
    public void deadLetter(InboundMessage message, String reason) {
        queue.deadLetter(message, reason);
        ledger.settled(message.messageId(), true);
    }
}
