package adapters.emulator.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A Notifier stand-in: records every delivery and answers with the response its test scripts. */
final class RecordingHandler implements Function<SQSEvent, SQSBatchResponse> {
    private static final long PATIENCE_SECONDS = 30;

    final List<SQSEvent> events = new CopyOnWriteArrayList<>();
    private final BlockingQueue<SQSMessage> deliveries = new LinkedBlockingQueue<>();
    private final Function<SQSEvent, SQSBatchResponse> answer;

    RecordingHandler(Function<SQSEvent, SQSBatchResponse> answer) {
        this.answer = answer;
    }

    static RecordingHandler succeeding() {
        return new RecordingHandler(event -> new SQSBatchResponse(List.of()));
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        events.add(event);
        SQSBatchResponse response = answer.apply(event);
        deliveries.addAll(event.getRecords());
        return response;
    }

    /** The next delivered record; fails the test if none comes within half a minute. */
    SQSMessage next() throws InterruptedException {
        SQSMessage record = deliveries.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (record == null) {
            throw new AssertionError("no delivery within " + PATIENCE_SECONDS + " s");
        }
        return record;
    }

    static SQSBatchResponse failing(List<SQSMessage> records) {
        return new SQSBatchResponse(records.stream().map(record -> new SQSBatchResponse.BatchItemFailure(record.getMessageId())).toList());
    }
}
