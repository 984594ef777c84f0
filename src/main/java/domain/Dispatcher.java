package domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ports.MessageSource;

/**
 * The queue decision: takes a batch from a {@link MessageSource}, fans each notification out, and
 * gives each message its verdict on its own, so one bad message never holds back its batch.
 *
 * <p>A message is acknowledged only when nothing retryable is left. A malformed message, or one
 * the gateway refuses for good, is dead-lettered at once with its reason rather than retried.
 */
public final class Dispatcher {
    private final FanOut fanOut;

    public Dispatcher(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    public List<Disposition> dispatch(MessageSource source) {
        List<Disposition> dispositions = new ArrayList<>();
        for (InboundMessage message : source.receive()) {
            Disposition disposition = decide(message);
            switch (disposition.verdict()) {
                case ACKNOWLEDGED -> source.acknowledge(message);
                case RETRY -> source.fail(message, disposition.reason());
                case DEAD_LETTERED -> source.deadLetter(message, disposition.reason());
            }
            dispositions.add(disposition);
        }
        return dispositions;
    }

    private Disposition decide(InboundMessage message) {
        if (message.content() instanceof ParseResult.Rejected rejected) {
            return new Disposition(message.messageId(), Disposition.Verdict.DEAD_LETTERED, rejected.reason(), Optional.empty());
        }
        Notification notification = ((ParseResult.Parsed) message.content()).notification();
        DeliveryReport report;
        try {
            report = fanOut.deliver(notification);
        } catch (ConnectionStoreException e) {
            return new Disposition(message.messageId(), Disposition.Verdict.RETRY,
                    "connection store unavailable: " + e.getMessage(), Optional.empty());
        }
        if (report.hasRetryableFailures()) {
            return verdict(message, Disposition.Verdict.RETRY, "retries left over: " + report.summary(), report);
        }
        if (report.hasPermanentFailures()) {
            return verdict(message, Disposition.Verdict.DEAD_LETTERED, "the gateway refused it for good: " + report.summary(), report);
        }
        return verdict(message, Disposition.Verdict.ACKNOWLEDGED, report.summary(), report);
    }

    private static Disposition verdict(InboundMessage message, Disposition.Verdict verdict, String reason, DeliveryReport report) {
        return new Disposition(message.messageId(), verdict, reason, Optional.of(report));
    }
}
