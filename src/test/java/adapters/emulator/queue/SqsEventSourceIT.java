package adapters.emulator.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

class SqsEventSourceIT {
    private static final EventSourceSettings SETTINGS = EventSourceSettings.defaults().withPollWait(Duration.ofSeconds(1));

    private final LocalSqs sqs = new LocalSqs();
    private SqsEventSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        sqs.close();
    }

    @Test
    void aDelivery_isShapedAsLambdaShapesAnSqsRecord() throws Exception {
        SendMessageResponse sent = sqs.client.sendMessage(send -> send.queueUrl(sqs.queues.queueUrl()).messageBody("{\"id\":\"n-1\"}")
                .messageAttributes(Map.of("tenant", MessageAttributeValue.builder().dataType("String").stringValue("acme").build())));
        RecordingHandler handler = start(RecordingHandler.succeeding(), SETTINGS);

        SQSMessage record = handler.next();

        assertThat(record.getMessageId()).isEqualTo(sent.messageId());
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getBody()).isEqualTo("{\"id\":\"n-1\"}");
        assertThat(record.getMd5OfBody()).isEqualTo(sent.md5OfMessageBody());
        assertThat(record.getMd5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:outbound-messages");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getAttributes()).containsOnlyKeys("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp").containsEntry("ApproximateReceiveCount", "1");
        assertThat(record.getAttributes().get("SentTimestamp")).containsOnlyDigits();
        SQSEvent.MessageAttribute tenant = record.getMessageAttributes().get("tenant");
        assertThat(tenant.getStringValue()).isEqualTo("acme");
        assertThat(tenant.getDataType()).isEqualTo("String");
        assertThat(tenant.getStringListValues()).isEmpty();
        assertThat(tenant.getBinaryListValues()).isEmpty();
    }

    @Test
    void givenHandlerReportsNoFailure_theMessageIsDeleted() throws Exception {
        sqs.send("fine");
        RecordingHandler handler = start(RecordingHandler.succeeding(), SETTINGS);

        handler.next();

        LocalSqs.await("the handled message is deleted", () -> sqs.depth(sqs.queues.queueUrl()) == 0);
    }

    @Test
    void givenOneReportedFailure_onlyThatMessageComesBackWithItsReceiveCountRaised() throws Exception {
        String failing = sqs.send("fail once");
        String fine = sqs.send("fine");
        RecordingHandler handler = start(new RecordingHandler(event -> RecordingHandler.failing(event.getRecords().stream()
                .filter(record -> record.getBody().equals("fail once") && receiveCount(record) == 1).toList())), SETTINGS);

        List<SQSMessage> deliveries = List.of(handler.next(), handler.next(), handler.next());

        assertThat(deliveries).extracting(SQSMessage::getMessageId).containsExactlyInAnyOrder(failing, failing, fine);
        assertThat(deliveries).filteredOn(record -> record.getMessageId().equals(failing))
                .extracting(SqsEventSourceIT::receiveCount).containsExactly(1, 2);
        LocalSqs.await("both messages are deleted", () -> sqs.depth(sqs.queues.queueUrl()) == 0);
    }

    @Test
    void givenAMessageFailedMaxReceiveCountTimes_itLandsOnTheDeadLetterQueue() throws Exception {
        String poison = sqs.send("poison");
        RecordingHandler handler = start(new RecordingHandler(event -> RecordingHandler.failing(event.getRecords())), SETTINGS);

        LocalSqs.await("the poison message is dead-lettered", () -> sqs.depth(sqs.queues.deadLetterQueueUrl()) == 1);

        assertThat(sqs.receiveDeadLetters()).extracting(Message::messageId).containsExactly(poison);
        assertThat(handler.events).flatExtracting(SQSEvent::getRecords).extracting(SqsEventSourceIT::receiveCount)
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void givenHandlerThrows_theWholeBatchComesBack() throws Exception {
        sqs.send("one");
        sqs.send("two");
        Set<String> thrownFor = ConcurrentHashMap.newKeySet();
        RecordingHandler handler = start(new RecordingHandler(event -> {
            if (event.getRecords().stream().allMatch(record -> thrownFor.add(record.getMessageId()))) {
                throw new IllegalStateException("scripted failure");
            }
            return null;
        }), SETTINGS);

        LocalSqs.await("both messages are handled after a failure", () -> sqs.depth(sqs.queues.queueUrl()) == 0);

        assertThat(handler.events).flatExtracting(SQSEvent::getRecords).extracting(SqsEventSourceIT::receiveCount)
                .containsExactlyInAnyOrder(1, 1, 2, 2);
    }

    @Test
    void givenAFailureNamingNoMessageOfTheBatch_theWholeBatchComesBack() throws Exception {
        sqs.send("one");
        RecordingHandler handler = start(new RecordingHandler(event -> receiveCount(event.getRecords().get(0)) == 1
                ? new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-in-this-batch"))) : null), SETTINGS);

        handler.next();
        SQSMessage again = handler.next();

        assertThat(receiveCount(again)).isEqualTo(2);
    }

    @Test
    void batches_holdUpToTheBatchSize() throws Exception {
        IntStream.range(0, 7).forEach(i -> sqs.send("m" + i));
        RecordingHandler handler = start(RecordingHandler.succeeding(), SETTINGS.withBatchSize(3));

        for (int i = 0; i < 7; i++) {
            handler.next();
        }

        assertThat(handler.events).extracting(event -> event.getRecords().size()).allMatch(size -> size <= 3).contains(3);
    }

    @Test
    void aFullQueue_isDeliveredInBatchesOfTen() throws Exception {
        IntStream.range(0, 25).forEach(i -> sqs.send("m" + i));
        RecordingHandler handler = start(RecordingHandler.succeeding(), SETTINGS);

        for (int i = 0; i < 25; i++) {
            handler.next();
        }

        assertThat(handler.events).extracting(event -> event.getRecords().size()).allMatch(size -> size <= 10).contains(10);
    }

    @Test
    void givenMaximumConcurrencyTwo_twoBatchesAreHandledAtOnce() throws Exception {
        sqs.send("a");
        sqs.send("b");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RecordingHandler handler = start(new RecordingHandler(event -> {
            threads.add(Thread.currentThread().getName());
            meet(bothInside);
            return null;
        }), SETTINGS.withBatchSize(1).withMaximumConcurrency(2));

        handler.next();
        handler.next();

        assertThat(threads).containsExactlyInAnyOrder("sqs-event-source-1", "sqs-event-source-2");
    }

    @Test
    void givenABacklog_pollersJoinAndLeaveOnceItIsDrained() throws Exception {
        IntStream.range(0, 60).forEach(i -> sqs.send("m" + i));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RecordingHandler handler = start(new RecordingHandler(event -> {
            threads.add(Thread.currentThread().getName());
            return null;
        }), SETTINGS.withBatchSize(2).withMaximumConcurrency(4));

        for (int i = 0; i < 60; i++) {
            handler.next();
        }

        assertThat(threads).hasSizeGreaterThan(1);
        LocalSqs.await("the pollers scale back to one", () -> source.activePollers() == 1);
    }

    @Test
    void close_stopsEveryPollerSoALaterMessageStaysUnreceived() throws Exception {
        RecordingHandler handler = start(RecordingHandler.succeeding(), SETTINGS.withMaximumConcurrency(3));
        sqs.send("before");
        handler.next();

        source.close();
        sqs.send("after");

        assertThat(source.isRunning()).isFalse();
        assertThat(sqs.client.receiveMessage(receive -> receive.queueUrl(sqs.queues.queueUrl())
                .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages())
                .extracting(Message::body, message -> message.attributesAsStrings().get("ApproximateReceiveCount"))
                .containsExactly(tuple("after", "1"));
        assertThat(handler.events).hasSize(1);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other poller never arrived", e);
        }
    }

    private RecordingHandler start(RecordingHandler handler, EventSourceSettings settings) {
        source = new SqsEventSource(sqs.queues, handler, settings);
        source.start();
        return handler;
    }

    static int receiveCount(SQSMessage record) {
        return Integer.parseInt(record.getAttributes().get("ApproximateReceiveCount"));
    }
}
