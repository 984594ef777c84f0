package adapters.dynamodb;

import domain.ConnectionRepositoryException;
import domain.RetryPolicy;
import domain.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes items by key with {@code BatchWriteItem}, 25 at a time (the API's limit), retrying the items DynamoDB
 * reports unprocessed with exponential backoff and full jitter.
 */
final class BatchDeleter {
    static final int BATCH_SIZE = 25;
    // At most 50+100+200+400+800 ms of pauses: well inside the 10 s Lambda timeout of the handlers that remove.
    static final int MAX_ATTEMPTS = 6;

    private final DynamoDbClient client;
    private final String table;
    private final Sleeper sleeper;
    private final RetryPolicy retries;

    /** {@code jitter} comes from the component, so that a SnapStart restore reseeds it (no generator of our own). */
    BatchDeleter(DynamoDbClient client, String table, Sleeper sleeper, RandomGenerator jitter) {
        this.client = client;
        this.table = table;
        this.sleeper = sleeper;
        this.retries = new RetryPolicy(MAX_ATTEMPTS, Duration.ofMillis(50), Duration.ofSeconds(1), jitter);
    }

    void delete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = keys.subList(from, Math.min(from + BATCH_SIZE, keys.size())).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(delete -> delete.key(key)).build())
                    .toList();
            deleteUntilProcessed(Map.of(table, batch));
        }
    }

    private void deleteUntilProcessed(Map<String, List<WriteRequest>> batch) {
        Map<String, List<WriteRequest>> pending = batch;
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            pending = StoreCalls.attempt("delete a batch of items",
                    () -> client.batchWriteItem(write -> write.requestItems(request)).unprocessedItems());
            if (pending.isEmpty()) {
                return;
            }
            if (attempt == retries.maxAttempts()) {
                int left = pending.values().stream().mapToInt(List::size).sum();
                throw new ConnectionRepositoryException(
                        "DynamoDB left " + left + " items undeleted after " + attempt + " batch deletes");
            }
            sleeper.sleep(retries.delayAfter(attempt));
        }
    }
}
