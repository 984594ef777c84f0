package adapters.sqs;

import adapters.json.CloudEventsCodec;
import adapters.json.NotificationRequest;
import domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * What a producer Lambda calls to notify users: encodes each request as a CloudEvent, checks it by
 * the Notifier's own rules, and sends it to the outbound queue. An invalid request throws
 * {@link IllegalArgumentException} before anything is sent, so a producer bug fails at the producer.
 * Needs {@code sqs:SendMessage} on the queue; SendMessageBatch is authorized by the same action.
 */
public final class SqsNotificationPublisher {
    /** Long enough for a brief SQS-side failure to pass, short enough for a Lambda's time budget. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(SqsNotificationPublisher.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final CloudEventsCodec codec;
    private final Sleeper sleeper;

    @Inject
    public SqsNotificationPublisher(SqsClient sqs, SqsSettings settings, CloudEventsCodec codec, Sleeper sleeper) {
        this.sqs = sqs;
        this.queueUrl = settings.queueUrl();
        this.codec = codec;
        this.sleeper = sleeper;
    }

    /** A publisher as a producer builds one: the system clock stamps events and a retry pauses for real. */
    public static SqsNotificationPublisher create(SqsClient sqs, SqsSettings settings) {
        return new SqsNotificationPublisher(sqs, settings, new CloudEventsCodec(Clock.systemUTC()), Sleeper.REAL);
    }

    /** Sends one notification and returns SQS's message id; SQS's refusal surfaces as the SDK's exception. */
    public String publish(NotificationRequest request) {
        OutboundMessage message = OutboundMessage.of(codec.toNotification(request));
        return sqs.sendMessage(send -> send.queueUrl(queueUrl)
                .messageBody(message.body())
                .messageAttributes(message.attributes())).messageId();
    }

    /**
     * Sends the notifications in batches and returns one result per request, in order. Every request
     * is checked first: if one is invalid, this throws and sends nothing. An entry SQS fails on its
     * own side is sent once more after a pause; what still fails is reported, never dropped.
     */
    public List<PublishResult> publishAll(List<NotificationRequest> requests) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            messages.add(encode(requests.get(index), index));
        }
        PublishResult[] results = new PublishResult[messages.size()];
        for (List<Integer> batch : Batches.plan(messages, Batches.MAX_ENTRIES, Batches.MAX_BYTES)) {
            List<Integer> retry = attempt(batch, messages, results);
            if (!retry.isEmpty()) {
                sleeper.sleep(RETRY_PAUSE);
                attempt(retry, messages, results);
            }
        }
        return Arrays.asList(results);
    }

    private OutboundMessage encode(NotificationRequest request, int index) {
        try {
            return OutboundMessage.of(codec.toNotification(request));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request " + index + ": " + e.getMessage(), e);
        }
    }

    /** Records a result for every index sent; returns the indexes SQS failed on its own side. */
    private List<Integer> attempt(List<Integer> batch, List<OutboundMessage> messages, PublishResult[] results) {
        List<SendMessageBatchRequestEntry> entries = batch.stream()
                .map(index -> messages.get(index).entry(String.valueOf(index)))
                .toList();
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            LOG.warn("SendMessageBatch of {} messages failed after the SDK's retries: {}", batch.size(), e.toString());
            batch.forEach(index -> results[index] = PublishResult.Failed.of(e));
            return List.of();
        }
        response.successful().forEach(sent -> results[Integer.parseInt(sent.id())] = new PublishResult.Sent(sent.messageId()));
        List<Integer> retry = new ArrayList<>();
        for (BatchResultErrorEntry failed : response.failed()) {
            int index = Integer.parseInt(failed.id());
            results[index] = new PublishResult.Failed(failed.code(), failed.message(), Boolean.TRUE.equals(failed.senderFault()));
            if (!Boolean.TRUE.equals(failed.senderFault())) {
                retry.add(index);
            }
        }
        return retry;
    }
}
