package adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.json.CloudEventsCodec;
import adapters.json.NotificationRequest;
import adapters.sqs.ScriptedSqs.Failure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsNotificationPublisherRetryIT {
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Test
    void anEntrySqsFailedOnItsSide_isSentOnceMore_whileASenderFaultIsReportedAtOnce() throws IOException {
        try (ScriptedSqs sqs = new ScriptedSqs(List.of(Map.of(
                "1", new Failure("InternalError", false),
                "2", new Failure("InvalidParameterValue", true))))) {

            List<PublishResult> results = publisher(sqs).publishAll(requests(3));

            assertThat(sqs.calls()).containsExactly(List.of("0", "1", "2"), List.of("1"));
            assertThat(pauses).containsExactly(SqsNotificationPublisher.RETRY_PAUSE);
            assertThat(results.get(0)).isEqualTo(new PublishResult.Sent("scripted-1-0"));
            assertThat(results.get(1)).isEqualTo(new PublishResult.Sent("scripted-2-1"));
            assertThat(results.get(2)).isEqualTo(new PublishResult.Failed("InvalidParameterValue", "scripted failure", true));
        }
    }

    @Test
    void anEntryThatFailsTwice_isReportedWithSqsErrorCode_andNotTriedAThirdTime() throws IOException {
        Map<String, Failure> internalError = Map.of("0", new Failure("InternalError", false));
        try (ScriptedSqs sqs = new ScriptedSqs(List.of(internalError, internalError, internalError))) {

            List<PublishResult> results = publisher(sqs).publishAll(requests(1));

            assertThat(sqs.calls()).hasSize(2);
            assertThat(results).containsExactly(new PublishResult.Failed("InternalError", "scripted failure", false));
        }
    }

    private static List<NotificationRequest> requests(int count) {
        return IntStream.range(0, count)
                .mapToObj(index -> NotificationRequest.toUser("user-" + index, "com.example.job.done", "/jobs", null))
                .toList();
    }

    /** The scripted server sends no MD5 digests, so the SDK's digest check is off here and only here. */
    private SqsNotificationPublisher publisher(ScriptedSqs sqs) {
        SqsSettings settings = new SqsSettings(sqs.endpoint() + "/000000000000/outbound-messages",
                Optional.of(sqs.endpoint()), Region.US_EAST_1);
        SqsClient client = SqsModule.clientBuilder(settings).credentialsProvider(ElasticMq.DUMMY_CREDENTIALS)
                .checksumValidationEnabled(false).build();
        return new SqsNotificationPublisher(client, settings, new CloudEventsCodec(Clock.systemUTC()), pauses::add);
    }
}
