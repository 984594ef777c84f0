package adapters.sqs;

import domain.Notification;
import domain.Target;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** One encoded notification as an SQS message: the event as the body, and its type and target as attributes. */
record OutboundMessage(String body, String type, String target) {
    private static final String STRING = "String";

    static OutboundMessage of(Notification notification) {
        return new OutboundMessage(notification.payload(), notification.type(), targetAttribute(notification.target()));
    }

    /** {@code user:<id>} or {@code claim:<id>}, so queue tooling can filter without parsing the body. */
    static String targetAttribute(Target target) {
        if (target instanceof Target.User user) {
            return "user:" + user.id().value();
        }
        return "claim:" + ((Target.Claim) target).id().value();
    }

    Map<String, MessageAttributeValue> attributes() {
        return Map.of("type", text(type), "target", text(target));
    }

    SendMessageBatchRequestEntry entry(String id) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).messageAttributes(attributes()).build();
    }

    /** SQS counts the body and every attribute's name, data type and value against its size limits. */
    int size() {
        return bytes(body) + bytes("type") + bytes(type) + bytes("target") + bytes(target) + 2 * bytes(STRING);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType(STRING).stringValue(value).build();
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
