package adapters.lambda;

import adapters.json.CloudEventsCodec;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import domain.InboundMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import ports.MessageSource;

/**
 * One Lambda SQS batch as a {@link MessageSource}. Lambda deletes what the function does not name
 * in {@code batchItemFailures}, so acknowledging is a no-op, failing names the message, and a
 * message with no verdict at all (the notifier stopped midway) is named too: nothing is lost. The
 * batch is handed out once; what it names comes back in a later Lambda event.
 */
final class SqsBatchSource implements MessageSource {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchSource.class);

    private final Map<String, SQSEvent.SQSMessage> records = new LinkedHashMap<>();
    private final List<String> settled = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final CloudEventsCodec codec;
    private final DeadLetters deadLetters;
    private boolean received;

    SqsBatchSource(SQSEvent event, CloudEventsCodec codec, DeadLetters deadLetters) {
        Optional.ofNullable(event.getRecords()).orElse(List.of()).forEach(record -> records.put(record.getMessageId(), record));
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    @Override
    public List<InboundMessage> receive() {
        if (received) {
            return List.of();
        }
        received = true;
        return records.values().stream()
                .map(record -> new InboundMessage(record.getMessageId(), receiveCount(record), codec.decode(record.getBody())))
                .toList();
    }

    @Override
    public void acknowledge(InboundMessage message) {
        settled.add(message.messageId());
    }

    @Override
    public void fail(InboundMessage message, String reason) {
        failed.add(message.messageId());
    }

    @Override
    public void deadLetter(InboundMessage message, String reason) {
        try {
            deadLetters.send(records.get(message.messageId()), reason);
            settled.add(message.messageId());
        } catch (SdkException e) {
            LOG.error("could not move message {} to the dead-letter queue; the queue's redrive will: {}",
                    message.messageId(), e.getMessage());
            failed.add(message.messageId());
        }
    }

    /** The messages Lambda must return to the queue: those failed, and those never settled. */
    SQSBatchResponse response() {
        List<SQSBatchResponse.BatchItemFailure> failures = records.keySet().stream()
                .filter(id -> failed.contains(id) || !settled.contains(id))
                .map(SQSBatchResponse.BatchItemFailure::new)
                .toList();
        return new SQSBatchResponse(failures);
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        try {
            return Integer.parseInt(record.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
