package adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.json.CloudEventsCodec;
import adapters.json.NotificationRequest;
import domain.Notification;
import domain.ParseResult;
import domain.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

class SqsNotificationPublisherIT {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final ElasticMq ELASTIC_MQ = ElasticMq.shared();

    private final CloudEventsCodec codec = new CloudEventsCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<Integer> batchSizes = new ArrayList<>();
    private final String queueUrl = ELASTIC_MQ.newQueue("publisher");
    private final SqsNotificationPublisher publisher = new SqsNotificationPublisher(client(), settings(), codec, Sleeper.REAL);

    @Test
    void publish_sendsOneMessageThatDecodesToTheSameNotification() {
        NotificationRequest request = NotificationRequest.toUser("user-42", "com.example.claim.paid", "/claims/payments",
                Map.of("claimId", "C-7")).withId("evt-single");

        String messageId = publisher.publish(request);

        Message message = ELASTIC_MQ.receive(queueUrl, 1).get(0);
        assertThat(message.messageId()).isEqualTo(messageId);
        assertSameNotification(message, request);
        assertThat(message.messageAttributes().get("type").dataType()).isEqualTo("String");
        assertThat(message.messageAttributes().get("target").stringValue()).isEqualTo("user:user-42");
    }

    @Test
    void publishAll_sendsTwentyFiveRequestsInThreeBatchesAndReportsEachSent() {
        List<NotificationRequest> requests = IntStream.range(0, 25).mapToObj(SqsNotificationPublisherIT::request).toList();

        List<PublishResult> results = publisher.publishAll(requests);

        assertThat(batchSizes).containsExactly(10, 10, 5);
        assertThat(results).hasSize(25).allSatisfy(result -> assertThat(result).isInstanceOf(PublishResult.Sent.class));
        List<Message> received = ELASTIC_MQ.receive(queueUrl, 25);
        assertThat(received).hasSize(25);
        for (int index = 0; index < 25; index++) {
            String messageId = ((PublishResult.Sent) results.get(index)).messageId();
            Message message = received.stream().filter(m -> m.messageId().equals(messageId)).findFirst().orElseThrow();
            assertSameNotification(message, requests.get(index));
        }
    }

    @Test
    void anInvalidRequest_throwsAndSendsNothing() {
        NotificationRequest noTarget = new NotificationRequest("com.example.job.done", "/jobs", null, null,
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> publisher.publish(noTarget))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_TARGET");
        assertThatThrownBy(() -> publisher.publishAll(List.of(request(0), noTarget)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request 1").hasMessageContaining("NO_TARGET");
        assertThat(ELASTIC_MQ.depth(queueUrl)).isZero();
        assertThat(batchSizes).isEmpty();
    }

    private static NotificationRequest request(int index) {
        return index % 2 == 0
                ? NotificationRequest.toUser("user-" + index, "com.example.job.done", "/jobs", Map.of("job", index))
                : NotificationRequest.toClaim("C-" + index, "com.example.claim.updated", "/claims", Map.of("step", index));
    }

    private void assertSameNotification(Message message, NotificationRequest request) {
        ParseResult result = codec.decode(message.body());
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Notification notification = ((ParseResult.Parsed) result).notification();
        request.id().ifPresent(id -> assertThat(notification.id()).isEqualTo(id));
        assertThat(notification.type()).isEqualTo(request.type());
        assertThat(notification.source()).isEqualTo(request.source());
        assertThat(notification.target()).isEqualTo(request.target());
        assertThat(notification.time()).contains(NOW);
        assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo(request.type());
        assertThat(message.messageAttributes().get("target").stringValue()).isEqualTo(OutboundMessage.targetAttribute(request.target()));
    }

    private SqsSettings settings() {
        return new SqsSettings(queueUrl, Optional.of(ELASTIC_MQ.endpoint()), Region.US_EAST_1);
    }

    /** The module's own client, with dummy credentials and a hook that records each batch's size. */
    private SqsClient client() {
        ExecutionInterceptor batchCounter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendMessageBatchRequest batch) {
                    batchSizes.add(batch.entries().size());
                }
            }
        };
        return SqsModule.clientBuilder(settings()).credentialsProvider(ElasticMq.DUMMY_CREDENTIALS)
                .overrideConfiguration(override -> override.addExecutionInterceptor(batchCounter)).build();
    }
}
