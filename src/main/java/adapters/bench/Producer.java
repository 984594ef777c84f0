package adapters.bench;

import adapters.json.NotificationRequest;
import adapters.sqs.PublishResult;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A producer Lambda: Herald's own publisher on the outbound queue, each notification's data stamped with
 * {@code System.nanoTime()} just before it is sent, so a client can tell how long it took to arrive.
 */
final class Producer implements AutoCloseable {
    private final SqsClient sqs;
    private final SqsNotificationPublisher publisher;
    private final String queueUrl;

    Producer(URI endpoint, String queueName) {
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.queueUrl = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        this.publisher = SqsNotificationPublisher.create(sqs, new SqsSettings(queueUrl, Optional.of(endpoint), Region.US_EAST_1));
    }

    /** Sends one notification to each claim, stamped now, in batches of ten; returns how many SQS refused. */
    long sendToClaims(List<String> claims, long firstSequence) {
        return sendToClaims(claims, firstSequence, System.nanoTime());
    }

    /**
     * Sends one notification to each claim, stamped with {@code stamp}: the steady producer passes the time it meant
     * to send, so a send that waited for a busy sender counts its wait as latency (no coordinated omission).
     */
    long sendToClaims(List<String> claims, long firstSequence, long stamp) {
        List<NotificationRequest> requests = new java.util.ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            requests.add(NotificationRequest.toClaim(claims.get(i), "bench.notification", "herald-bench",
                    new NotificationRequest.JsonText(stamped(stamp, firstSequence + i))));
        }
        return publisher.publishAll(requests).stream().filter(result -> result instanceof PublishResult.Failed).count();
    }

    /** Sends {@code count} notifications to one user, in batches of ten; returns how many SQS refused. */
    long sendToUser(String user, int count) {
        long refused = 0;
        for (int from = 0; from < count; from += 10) {
            List<NotificationRequest> batch = new java.util.ArrayList<>();
            for (int i = from; i < Math.min(count, from + 10); i++) {
                batch.add(NotificationRequest.toUser(user, "bench.missed", "herald-bench",
                        new NotificationRequest.JsonText(stamped(System.nanoTime(), i))));
            }
            refused += publisher.publishAll(batch).stream().filter(result -> result instanceof PublishResult.Failed).count();
        }
        return refused;
    }

    /** Waits until the queue holds nothing, waiting or in flight: the Notifier has handled every message sent. */
    void awaitDrained(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> depth = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                    .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                    .attributesAsStrings();
            if (depth.values().stream().allMatch("0"::equals)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the queue did not drain within " + patience);
    }

    /** The data every bench message carries: the send stamp and a sequence number. */
    static String stamped(long nanos, long sequence) {
        return "{\"t\":" + nanos + ",\"seq\":" + sequence + "}";
    }

    @Override
    public void close() {
        sqs.close();
    }
}
