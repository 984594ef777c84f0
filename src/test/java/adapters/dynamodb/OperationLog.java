package adapters.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Records every DynamoDB operation a client sends, such as "BatchWriteItem", or "Query byUser" for an index. */
final class OperationLog implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.request() instanceof QueryRequest query && query.indexName() != null) {
            operation += " " + query.indexName();
        }
        operations.add(operation);
    }

    List<String> operations() {
        return List.copyOf(operations);
    }

    void clear() {
        operations.clear();
    }
}
