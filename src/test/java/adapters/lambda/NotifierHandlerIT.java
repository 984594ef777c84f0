package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.json.CloudEventsCodec;
import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryPushGateway;
import adapters.sqs.ElasticMq;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.BatchDelivery;
import domain.FanOut;
import domain.Limits;
import domain.Principal;
import domain.PushResult;
import domain.Recipient;
import domain.RetryPolicy;
import domain.Target;
import domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import ports.ConnectionRepository;
import ports.ForwardingConnectionRepository;
import ports.PushGateway;
import software.amazon.awssdk.services.sqs.model.Message;

/** The Notifier on a real SQS batch fixture, with a real dead-letter queue (ElasticMQ on loopback). */
class NotifierHandlerIT {
    private static final String VALID_FOR_ALICE = "059f36b4-87a3-44ab-83d2-661975830a7d";
    private static final String MALFORMED = "2e1424d4-f796-459a-8184-9c92662be6da";
    private static final String VALID_FOR_CLAIM = "4a0f37b2-3c6d-4b1f-9f57-2d2e0b1a9c3e";

    private final Clock clock = Clock.systemUTC();
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final InMemoryPushGateway sockets = new InMemoryPushGateway();
    private final List<String> alicesInbox = new ArrayList<>();
    private final List<String> subscribersInbox = new ArrayList<>();
    private final ElasticMq sqs = ElasticMq.shared();
    private final String deadLetterQueue = sqs.newQueue("notifier-dlq");

    NotifierHandlerIT() {
        save("alice-phone", "alice");
        save("bob-laptop", "bob");
        repository.subscribe(ConnectionId.of("bob-laptop"), ClaimId.of("C-1042"));
        sockets.open(ConnectionId.of("alice-phone"), alicesInbox::add);
        sockets.open(ConnectionId.of("bob-laptop"), subscribersInbox::add);
    }

    private void save(String id, String user) {
        repository.save(Connection.open(ConnectionId.of(id), new Principal(UserId.of(user), Set.of(ClaimId.of("C-1042"))),
                clock.instant(), Limits.DEFAULT));
    }

    private NotifierHandler handler(ConnectionRepository store, PushGateway gateway, String deadLetterQueueUrl) {
        return handler(store, gateway, deadLetterQueueUrl, DeliveryMetrics.NONE);
    }

    private NotifierHandler handler(ConnectionRepository store, PushGateway gateway, String deadLetterQueueUrl,
                                    DeliveryMetrics metrics) {
        BatchDelivery batchDelivery = new BatchDelivery(new FanOut(store, gateway,
                new RetryPolicy(2, Duration.ZERO, Duration.ZERO, new Random(1)), pause -> { }, clock, 8));
        CloudEventsCodec codec = new CloudEventsCodec(clock);
        DeadLetters deadLetters = new DeadLetters(sqs.client(), deadLetterQueueUrl);
        return new NotifierHandler(new NotifierHandler.Dependencies() {
            @Override
            public BatchDelivery batchDelivery() {
                return batchDelivery;
            }

            @Override
            public CloudEventsCodec codec() {
                return codec;
            }

            @Override
            public DeadLetters deadLetters() {
                return deadLetters;
            }

            @Override
            public DeliveryMetrics deliveryMetrics() {
                return metrics;
            }
        });
    }

    private static List<String> failures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void aMalformedMessage_isDeadLetteredWithItsReason_andTheRestOfTheBatchIsDelivered() {
        SQSBatchResponse response = handler(repository, sockets, deadLetterQueue).handleRequest(Events.sqs("sqs-batch"), null);

        assertThat(failures(response)).isEmpty();
        assertThat(alicesInbox).singleElement().asString().contains("\"id\":\"n-1\"");
        assertThat(subscribersInbox).singleElement().asString().contains("\"id\":\"n-3\"");
        List<Message> deadLetters = sqs.receive(deadLetterQueue, 1);
        assertThat(deadLetters).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("<html>this is not a notification</html>");
            assertThat(message.messageAttributes().get(DeadLetters.REASON).stringValue()).startsWith("NOT_JSON");
            assertThat(message.messageAttributes().get(DeadLetters.ORIGINAL_ID).stringValue()).isEqualTo(MALFORMED);
        });
    }

    @Test
    void metricsThatCannotBeWritten_neverReturnDeliveredMessagesToTheQueue() {
        DeliveryMetrics broken = handled -> {
            throw new IllegalArgumentException("Namespace must be specified before flushing metrics");
        };

        SQSBatchResponse response = handler(repository, sockets, deadLetterQueue, broken).handleRequest(Events.sqs("sqs-batch"), null);

        assertThat(failures(response)).isEmpty();
        assertThat(alicesInbox).singleElement().asString().contains("\"id\":\"n-1\"");
    }

    @Test
    void aThrottledConnection_returnsOnlyItsMessageToTheQueue() {
        PushGateway throttlingAlice = (id, payload) -> id.value().equals("alice-phone")
                ? CompletableFuture.completedFuture(PushResult.THROTTLED)
                : sockets.push(id, payload);

        SQSBatchResponse response = handler(repository, throttlingAlice, deadLetterQueue).handleRequest(Events.sqs("sqs-batch"), null);

        assertThat(failures(response)).containsExactly(VALID_FOR_ALICE);
        assertThat(subscribersInbox).hasSize(1);
    }

    @Test
    void whenTheDeadLetterQueueRefuses_theMalformedMessageReturnsToTheQueueForItsRedrive() {
        SQSBatchResponse response = handler(repository, sockets, deadLetterQueue + "-missing")
                .handleRequest(Events.sqs("sqs-batch"), null);

        assertThat(failures(response)).containsExactly(MALFORMED);
    }

    @Test
    void whenTheBatchStopsMidway_everyMessageWithoutAVerdictReturnsToTheQueue() {
        ConnectionRepository failingOnClaims = new BrokenOnClaims(repository);

        SQSBatchResponse response = handler(failingOnClaims, sockets, deadLetterQueue).handleRequest(Events.sqs("sqs-batch"), null);

        assertThat(failures(response)).containsExactly(VALID_FOR_CLAIM);
        assertThat(alicesInbox).hasSize(1);
    }

    /** A store with a bug: reading a claim's audience throws something the domain does not expect. */
    private static final class BrokenOnClaims extends ForwardingConnectionRepository {
        BrokenOnClaims(ConnectionRepository delegate) {
            super(delegate);
        }

        @Override
        public List<Recipient> audienceOf(Target target) {
            if (target instanceof Target.Claim) {
                throw new IllegalStateException("a bug in the store");
            }
            return super.audienceOf(target);
        }
    }
}
