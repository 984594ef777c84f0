package adapters.localstack;

import adapters.json.NotificationRequest;
import adapters.sqs.SqsNotificationPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code POST /dev/notifications}: {@code {"userId":"u1"}} or {@code {"claimId":"C-1"}}, with optional {@code type},
 * {@code source}, {@code data} and {@code id} (a fixed id to show that clients drop duplicates), sent to the local
 * outbound queue by the producer library exactly as a producer Lambda would.
 */
final class DevNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsNotificationPublisher publisher;

    DevNotifications(SqsNotificationPublisher publisher) {
        this.publisher = publisher;
    }

    /** Sends the notification; throws IllegalArgumentException for a bad request, as the producer library does. */
    JsonNode send(JsonNode body) {
        NotificationRequest request = request(body);
        String messageId = publisher.publish(request);
        ObjectNode answer = JSON.createObjectNode().put("messageId", messageId);
        request.id().ifPresent(id -> answer.put("id", id));
        return answer;
    }

    private static NotificationRequest request(JsonNode body) {
        Optional<String> user = DevFields.optionalText(body, "userId");
        Optional<String> claim = DevFields.optionalText(body, "claimId");
        if (user.isPresent() == claim.isPresent()) {
            throw new IllegalArgumentException("give exactly one target: 'userId' or 'claimId'");
        }
        String type = DevFields.optionalText(body, "type").orElse("herald.test");
        String source = DevFields.optionalText(body, "source").orElse("herald-local");
        JsonNode data = body.has("data") ? body.get("data") : JSON.createObjectNode();
        NotificationRequest.JsonText payload = new NotificationRequest.JsonText(data.toString());
        NotificationRequest request = user.isPresent()
                ? NotificationRequest.toUser(user.get(), type, source, payload)
                : NotificationRequest.toClaim(claim.get(), type, source, payload);
        return DevFields.optionalText(body, "id").map(request::withId).orElse(request);
    }
}
