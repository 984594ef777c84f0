package adapters.lambda;

import adapters.json.CloudEventsCodec;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import domain.HandledMessage;
import domain.BatchDelivery;
import domain.Verdict;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Notifier: fans each queued notification out to its audience and answers Lambda with only
 * the messages that must come back ({@code ReportBatchItemFailures}). A malformed message goes to
 * the dead-letter queue with its reason and the rest of its batch is still delivered.
 */
public final class NotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierHandler.class);

    /** What this handler needs from the composition root. */
    public interface Dependencies {
        BatchDelivery batchDelivery();

        CloudEventsCodec codec();

        /** Warms what a notification nobody hears does not reach (the @connections client); nothing by default. */
        default Runnable gatewayPrimer() {
            return () -> { };
        }

        DeadLetters deadLetters();

        DeliveryMetrics deliveryMetrics();
    }

    private final Dependencies dependencies;
    private final BatchDelivery batchDelivery;

    public NotifierHandler() {
        this(System.getenv());
    }

    public NotifierHandler(Map<String, String> environment) {
        this(AwsComponents.notifier(environment));
    }

    public NotifierHandler(Dependencies dependencies) {
        this.dependencies = dependencies;
        this.batchDelivery = dependencies.batchDelivery();
        Priming.register("NotifierHandler", () -> {
            Invocations.withLogging(OfflineContext.priming(), () -> batchDelivery.deliver(
                    new SqsBatchSource(PrimingEvents.notification(), dependencies.codec(), dependencies.deadLetters())));
            dependencies.gatewayPrimer().run();
            dependencies.deadLetters().prepare();
        });
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocations.withLogging(context, () -> notify(event));
    }

    private SQSBatchResponse notify(SQSEvent event) {
        SqsBatchSource batch = new SqsBatchSource(event, dependencies.codec(), dependencies.deadLetters());
        try {
            List<HandledMessage> handled = batchDelivery.deliver(batch);
            handled.forEach(NotifierHandler::log);
            record(handled);
        } catch (RuntimeException e) {
            LOG.error("the batch stopped midway; its unfinished messages return to the queue", e);
        }
        SQSBatchResponse response = batch.response();
        LOG.info("batch of {} handled; {} return to the queue", event.getRecords() == null ? 0 : event.getRecords().size(),
                response.getBatchItemFailures().size());
        return response;
    }

    /** Metrics describe the batch; one that cannot be written (no namespace, say) never turns delivered messages into retries. */
    private void record(List<HandledMessage> handled) {
        try {
            dependencies.deliveryMetrics().record(handled);
        } catch (RuntimeException e) {
            LOG.warn("the batch's metrics were not written: {}", e.getMessage());
        }
    }

    private static void log(HandledMessage handled) {
        MDC.put("messageId", handled.messageId());
        handled.report().ifPresent(report -> MDC.put("notificationId", report.notificationId()));
        try {
            if (handled.verdict() == Verdict.ACKNOWLEDGED) {
                LOG.info("delivered: {}", handled.reason());
            } else {
                LOG.warn("{}: {}", handled.verdict(), handled.reason());
            }
        } finally {
            MDC.remove("messageId");
            MDC.remove("notificationId");
        }
    }
}
