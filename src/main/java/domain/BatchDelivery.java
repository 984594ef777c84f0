package domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import ports.MessageSource;

/**
 * Delivers a batch of queued notifications: takes the batch from a {@link MessageSource}, fans its notifications out
 * at once, and gives each message its {@link Verdict} on its own, so one bad message never holds back its batch.
 *
 * <p>Each notification is recorded in its target's history before its own fan-out starts ({@link HistoryRecorder}); one
 * that cannot be recorded is retried, never delivered unrecorded. A message is acknowledged only when nothing
 * retryable is left. A malformed message, or one the gateway refuses for good, is dead-lettered at once with its
 * reason rather than retried.
 *
 * <p>The messages of a batch run at once on the executor, so that the last no longer waits for the fan-outs of the
 * ones before it, and their pushes together stay within one fan-out's bound on pushes in flight, which they share.
 * Messages to the same target still run in batch order ({@link TargetOrder}), each recorded and pushed before the next
 * is recorded. A position is stamped when its notification is recorded, so a browser hears a target's notifications
 * in the order of their positions, as it did when a batch ran in turn, and the last position it saw never passes a
 * notification of the batch still on its way. The verdicts are told to the source on the calling thread, in batch
 * order, once the batch is decided (Lambda lets go of a batch only when the invocation answers in any case), so a
 * source need not be thread-safe. On a same-thread executor, the simulation's, the messages run one after another.
 */
public final class BatchDelivery {
    /** How the reason of a message that could not be recorded starts; it is retried, never fanned out unrecorded. */
    public static final String UNRECORDED = "history unavailable: ";

    private final FanOut fanOut;
    private final HistoryRecorder recorder;
    private final Executor executor;

    public BatchDelivery(FanOut fanOut, HistoryRecorder recorder, Executor executor) {
        this.fanOut = fanOut;
        this.recorder = recorder;
        this.executor = executor;
    }

    /** Delivery that handles a batch's messages one after another, on the calling thread. */
    public BatchDelivery(FanOut fanOut, HistoryRecorder recorder) {
        this(fanOut, recorder, Runnable::run);
    }

    /** Delivery with history off, one message after another. */
    public BatchDelivery(FanOut fanOut) {
        this(fanOut, HistoryRecorder.off());
    }

    /** Takes one batch from the source and tells the source each message's verdict; returns what it decided, in batch order. */
    public List<HandledMessage> deliver(MessageSource source) {
        List<InboundMessage> batch = source.receive();
        Semaphore inFlight = fanOut.inFlightLimit();
        List<CompletableFuture<HandledMessage>> decisions =
                TargetOrder.start(batch, message -> decide(message, inFlight), executor);
        TargetOrder.awaitAll(decisions);
        List<HandledMessage> handled = new ArrayList<>(batch.size());
        for (int i = 0; i < decisions.size(); i++) {
            HandledMessage decided = TargetOrder.outcome(decisions.get(i));
            tell(source, batch.get(i), decided);
            handled.add(decided);
        }
        return handled;
    }

    private static void tell(MessageSource source, InboundMessage message, HandledMessage handled) {
        switch (handled.verdict()) {
            case ACKNOWLEDGED -> source.acknowledge(message);
            case RETRY -> source.fail(message, handled.reason());
            case DEAD_LETTERED -> source.deadLetter(message, handled.reason());
        }
    }

    private HandledMessage decide(InboundMessage message, Semaphore inFlight) {
        if (message.content() instanceof ParseResult.Rejected rejected) {
            return new HandledMessage(message.messageId(), Verdict.DEAD_LETTERED, rejected.reason(), Optional.empty());
        }
        Notification notification;
        try {
            notification = recorder.record(((ParseResult.Parsed) message.content()).notification(), message.receiveCount());
        } catch (HistoryUnavailableException e) {
            return new HandledMessage(message.messageId(), Verdict.RETRY, UNRECORDED + e.getMessage(), Optional.empty());
        }
        DeliveryReport report;
        try {
            report = fanOut.deliver(notification, inFlight);
        } catch (ConnectionRepositoryException e) {
            return new HandledMessage(message.messageId(), Verdict.RETRY,
                    "connection repository unavailable: " + e.getMessage(), Optional.empty());
        }
        if (report.hasRetryableFailures()) {
            return verdict(message, Verdict.RETRY, "retries left over: " + report.summary(), report);
        }
        if (report.hasPermanentFailures()) {
            return verdict(message, Verdict.DEAD_LETTERED, "the gateway refused it for good: " + report.summary(), report);
        }
        return verdict(message, Verdict.ACKNOWLEDGED, report.summary(), report);
    }

    private static HandledMessage verdict(InboundMessage message, Verdict verdict, String reason, DeliveryReport report) {
        return new HandledMessage(message.messageId(), verdict, reason, Optional.of(report));
    }
}
