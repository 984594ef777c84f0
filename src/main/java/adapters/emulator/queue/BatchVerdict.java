package adapters.emulator.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's reading of a partial batch response ({@code ReportBatchItemFailures}), from its documented
 * "success and failure conditions": a null response or a null or empty list means every message succeeded;
 * a null or empty {@code itemIdentifier}, or one that names no message of the batch, fails the whole batch.
 */
final class BatchVerdict {

    private BatchVerdict() {
    }

    /** The messages of {@code batch} to delete. */
    static List<Message> succeeded(List<Message> batch, SQSBatchResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return batch;
        }
        Set<String> inBatch = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = new HashSet<>();
        for (BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                return List.of();
            }
            failed.add(id);
        }
        return batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
    }
}
