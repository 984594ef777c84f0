package adapters.dynamodb;

import domain.ConnectionRepositoryException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Turns every SDK failure into the port's {@link ConnectionRepositoryException}, naming what was being done. */
final class StoreCalls {
    private StoreCalls() {
    }

    static <T> T attempt(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new ConnectionRepositoryException("DynamoDB could not " + operation + ": " + e.getMessage(), e);
        }
    }

    static void attempt(String operation, Runnable call) {
        attempt(operation, () -> {
            call.run();
            return null;
        });
    }

    /** Every page; the paginator fetches lazily, so the pages are read here, inside the translated call. */
    static List<Map<String, AttributeValue>> queryAll(DynamoDbClient client, String operation, QueryRequest request) {
        return attempt(operation, () -> client.queryPaginator(request).items().stream().toList());
    }
}
