package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.json.CloudEventsCodec;
import adapters.sqs.ElasticMq;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import domain.InboundMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ports.MessageSource;
import ports.MessageSourceContract;

/**
 * The {@link MessageSource} contract on one Lambda SQS batch, with a real dead-letter queue (ElasticMQ on
 * loopback). A later attempt is the next event, built as Lambda's event source builds it.
 */
class SqsBatchSourceIT extends MessageSourceContract {
    private static final String RECEIVE_COUNT = "ApproximateReceiveCount";

    private final ElasticMq sqs = ElasticMq.shared();
    private final String deadLetterQueue = sqs.newQueue("batch-source-dlq");
    private final CloudEventsCodec codec = new CloudEventsCodec(Clock.systemUTC());
    private DeadLetters deadLetters = new DeadLetters(sqs.client(), deadLetterQueue);
    private SQSEvent event;

    @Override
    protected MessageSource sourceWithOneValidAndOneMalformed(String notificationId) {
        event = Events.sqs("sqs-one-valid-one-malformed", notificationId);
        return new SqsBatchSource(event, codec, deadLetters);
    }

    /** Lambda deletes what the response does not name and hands the rest out again, each received once more. */
    @Override
    protected MessageSource nextAttempt(MessageSource source) {
        Set<String> named = ((SqsBatchSource) source).response().getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toSet());
        SQSEvent next = new SQSEvent();
        next.setRecords(event.getRecords().stream()
                .filter(record -> named.contains(record.getMessageId()))
                .map(SqsBatchSourceIT::receivedAgain)
                .toList());
        event = next;
        return new SqsBatchSource(event, codec, deadLetters);
    }

    @Override
    protected List<String> deadLetterReasons() {
        return sqs.receive(deadLetterQueue, sqs.depth(deadLetterQueue)).stream()
                .map(message -> message.messageAttributes().get(DeadLetters.REASON).stringValue())
                .toList();
    }

    @Test
    void whenTheDeadLetterQueueRefuses_theMessageComesBackForALaterAttempt() {
        deadLetters = new DeadLetters(sqs.client(), deadLetterQueue + "-missing");
        MessageSource source = sourceWithOneValidAndOneMalformed("n-6");
        List<InboundMessage> batch = source.receive();
        source.acknowledge(batch.get(0));
        source.deadLetter(batch.get(1), "NOT_JSON: the message body is not a JSON object");

        assertThat(nextAttempt(source).receive()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(batch.get(1).messageId());
            assertThat(message.receiveCount()).isEqualTo(2);
        });
    }

    private static SQSEvent.SQSMessage receivedAgain(SQSEvent.SQSMessage record) {
        SQSEvent.SQSMessage again = new SQSEvent.SQSMessage();
        again.setMessageId(record.getMessageId());
        again.setReceiptHandle(record.getReceiptHandle() + "-again");
        again.setBody(record.getBody());
        again.setMessageAttributes(record.getMessageAttributes());
        again.setEventSource(record.getEventSource());
        again.setEventSourceArn(record.getEventSourceArn());
        again.setAwsRegion(record.getAwsRegion());
        Map<String, String> attributes = new HashMap<>(record.getAttributes());
        attributes.put(RECEIVE_COUNT, Integer.toString(Integer.parseInt(attributes.get(RECEIVE_COUNT)) + 1));
        again.setAttributes(attributes);
        return again;
    }
}
