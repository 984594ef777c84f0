package adapters.emulator.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One poller of the event source: receive a batch, let {@link PollerScaling} decide whether another poller joins or
 * this one leaves, invoke the handler, delete what it did not report failed.
 */
final class Poller implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    private final SqsClient client;
    private final QueueTarget queue;
    private final Function<SQSEvent, SQSBatchResponse> function;
    private final EventSourceSettings settings;
    private final BooleanSupplier running;
    private final PollerScaling scaling;
    private final Runnable addPoller;

    Poller(SqsClient client, QueueTarget queue, Function<SQSEvent, SQSBatchResponse> function,
            EventSourceSettings settings, BooleanSupplier running, PollerScaling scaling, Runnable addPoller) {
        this.client = client;
        this.queue = queue;
        this.function = function;
        this.settings = settings;
        this.running = running;
        this.scaling = scaling;
        this.addPoller = addPoller;
    }

    @Override
    public void run() {
        boolean polling = true;
        while (polling && running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                List<Message> batch = receive();
                PollerScaling.Step step = scaling.after(batch.size());
                // Decided before the batch is handled: a retired poller is already counted out, even if the
                // delete below fails.
                polling = step != PollerScaling.Step.RETIRE;
                if (step == PollerScaling.Step.GROW) {
                    addPoller.run();
                }
                if (!batch.isEmpty()) {
                    delete(BatchVerdict.succeeded(batch, invoke(batch)));
                }
            } catch (SdkException e) {
                pauseAfter(e);
            }
        }
    }

    private List<Message> receive() {
        return client.receiveMessage(receive -> receive.queueUrl(queue.url())
                .maxNumberOfMessages(settings.batchSize())
                .waitTimeSeconds((int) settings.pollWait().toSeconds())
                .messageSystemAttributeNames(LambdaEvents.RECORD_ATTRIBUTES)
                .messageAttributeNames("All")).messages();
    }

    // Lambda treats a thrown exception as the failure of every message in the batch, partial responses or not.
    private SQSBatchResponse invoke(List<Message> batch) {
        try {
            return function.apply(LambdaEvents.of(batch, queue.arn()));
        } catch (RuntimeException e) {
            LOG.warn("the handler threw; all {} messages of the batch return after the visibility timeout", batch.size(), e);
            return failedWhole(batch);
        }
    }

    private static SQSBatchResponse failedWhole(List<Message> batch) {
        return new SQSBatchResponse(batch.stream()
                .map(message -> new SQSBatchResponse.BatchItemFailure(message.messageId())).toList());
    }

    private void delete(List<Message> succeeded) {
        if (succeeded.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = IntStream.range(0, succeeded.size())
                .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(succeeded.get(i).receiptHandle()).build()).toList();
        client.deleteMessageBatch(delete -> delete.queueUrl(queue.url()).entries(entries)).failed()
                .forEach(failure -> LOG.warn("could not delete a handled message ({}): it will be delivered again", failure.message()));
    }

    private void pauseAfter(SdkException e) {
        if (!running.getAsBoolean()) {
            return;
        }
        LOG.warn("polling {} failed; retrying in {}", queue.url(), PAUSE_AFTER_ERROR, e);
        try {
            Thread.sleep(PAUSE_AFTER_ERROR.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
