package domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ports.MessageSource;

/**
 * Delivers a batch of queued notifications: takes the batch from a {@link MessageSource}, fans each
 * notification out, and gives each message its {@link Verdict} on its own, so one bad message never
 * holds back its batch.
 *
 * <p>Each notification is recorded in its target's history before it is fanned out ({@link HistoryRecorder}); one
 * that cannot be recorded is retried, never delivered unrecorded. A message is acknowledged only when nothing
 * retryable is left. A malformed message, or one
 * the gateway refuses for good, is dead-lettered at once with its reason rather than retried.
 */
public final class BatchDelivery {
    /** How the reason of a message that could not be recorded starts; it is retried, never fanned out unrecorded. */
    public static final String UNRECORDED = "history unavailable: ";

    private final FanOut fanOut;
    private final HistoryRecorder recorder;

    public BatchDelivery(FanOut fanOut, HistoryRecorder recorder) {
        this.fanOut = fanOut;
        this.recorder = recorder;
    }

    /** Delivery with history off. */
    public BatchDelivery(FanOut fanOut) {
        this(fanOut, HistoryRecorder.off());
    }

    /** Takes one batch from the source and tells the source each message's verdict; returns what it decided. */
    public List<HandledMessage> deliver(MessageSource source) {
        List<HandledMessage> batch = new ArrayList<>();
        for (InboundMessage message : source.receive()) {
            HandledMessage handled = decide(message);
            switch (handled.verdict()) {
                case ACKNOWLEDGED -> source.acknowledge(message);
                case RETRY -> source.fail(message, handled.reason());
                case DEAD_LETTERED -> source.deadLetter(message, handled.reason());
            }
            batch.add(handled);
        }
        return batch;
    }

    private HandledMessage decide(InboundMessage message) {
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
            report = fanOut.deliver(notification);
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
