package adapters.emulator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class BatchVerdictTest {
    private final Message first = Message.builder().messageId("m-1").build();
    private final Message second = Message.builder().messageId("m-2").build();
    private final List<Message> batch = List.of(first, second);

    @Test
    void givenNullResponse_everyMessageSucceeded() {
        assertThat(BatchVerdict.succeeded(batch, null)).containsExactly(first, second);
    }

    @Test
    void givenNullOrEmptyFailureList_everyMessageSucceeded() {
        assertThat(BatchVerdict.succeeded(batch, new SQSBatchResponse(null))).containsExactly(first, second);
        assertThat(BatchVerdict.succeeded(batch, new SQSBatchResponse(List.of()))).containsExactly(first, second);
    }

    @Test
    void givenOneFailure_onlyTheOthersSucceeded() {
        assertThat(BatchVerdict.succeeded(batch, failing("m-2"))).containsExactly(first);
    }

    @Test
    void givenIdentifierOutsideTheBatch_theWholeBatchFailed() {
        assertThat(BatchVerdict.succeeded(batch, failing("m-2", "m-9"))).isEmpty();
    }

    @Test
    void givenNullOrEmptyIdentifier_theWholeBatchFailed() {
        assertThat(BatchVerdict.succeeded(batch, failing((String) null))).isEmpty();
        assertThat(BatchVerdict.succeeded(batch, failing(""))).isEmpty();
        List<BatchItemFailure> withNullEntry = new ArrayList<>();
        withNullEntry.add(null);
        assertThat(BatchVerdict.succeeded(batch, new SQSBatchResponse(withNullEntry))).isEmpty();
    }

    private static SQSBatchResponse failing(String... ids) {
        return new SQSBatchResponse(Arrays.stream(ids).map(BatchItemFailure::new).toList());
    }
}
