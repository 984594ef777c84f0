package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves a message that can never be delivered straight to the dead-letter queue, with the reason
 * and its original message id as attributes, instead of letting it fail maxReceiveCount times. The SQS client is
 * built on the first dead letter (or by {@link #prepare()}): a batch of good messages never needs it.
 */
public final class DeadLetters {
    static final String REASON = "herald-dead-letter-reason";
    static final String ORIGINAL_ID = "herald-original-message-id";
    /** SQS allows 256 KB per attribute; a reason longer than this is a bug, not information. */
    private static final int MAX_REASON = 1024;

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public DeadLetters(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** {@code sqs} is asked for the client on the first dead letter, not before. */
    public DeadLetters(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Builds the client now: priming does, so that a restored function's first dead letter finds it ready. */
    void prepare() {
        sqs.get();
    }

    /** Throws the SDK's exception if SQS refuses; the caller then leaves the message to the queue's redrive. */
    void send(SQSEvent.SQSMessage message, String reason) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value.getStringValue() != null && attributes.size() < 8) {
                    attributes.put(name, text(value.getStringValue()));
                }
            });
        }
        attributes.put(REASON, text(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        attributes.put(ORIGINAL_ID, text(message.getMessageId()));
        sqs.get().sendMessage(request -> request.queueUrl(queueUrl).messageBody(message.getBody()).messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
