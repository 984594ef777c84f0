package adapters.emulator.queue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Shapes received messages into the SQSEvent that Lambda's SQS event source hands a function. */
final class LambdaEvents {
    /** The system attributes Lambda puts in each record of a standard queue (AWSTraceHeader only when set). */
    static final List<MessageSystemAttributeName> RECORD_ATTRIBUTES = List.of(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.SENDER_ID, MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
            MessageSystemAttributeName.AWS_TRACE_HEADER);

    private LambdaEvents() {
    }

    static SQSEvent of(List<Message> batch, String queueArn) {
        List<SQSMessage> records = new ArrayList<>();
        batch.forEach(message -> records.add(record(message, queueArn)));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSMessage record(Message message, String queueArn) {
        SQSMessage record = new SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setAttributes(new HashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(queueArn.split(":")[3]);
        return record;
    }

    // Lambda always sends the two list fields, empty: SQS has never supported list values.
    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(new ArrayList<>());
        attribute.setBinaryListValues(new ArrayList<>());
        return attribute;
    }
}
