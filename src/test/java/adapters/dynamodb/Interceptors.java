package adapters.dynamodb;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Interceptors that bend a real exchange with dynalite into the rare cases DynamoDB produces under load. */
final class Interceptors {
    private Interceptors() {
    }

    /**
     * Reports every item of the next {@code times} BatchWriteItem calls as unprocessed, as a throttled table does.
     * dynalite has deleted them all the same; deleting them again is harmless.
     */
    static ExecutionInterceptor leavingUnprocessed(int times) {
        AtomicInteger remaining = new AtomicInteger(times);
        return new ExecutionInterceptor() {
            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                if (context.request() instanceof BatchWriteItemRequest request
                        && context.response() instanceof BatchWriteItemResponse response
                        && remaining.getAndDecrement() > 0) {
                    return response.toBuilder().unprocessedItems(request.requestItems()).build();
                }
                return context.response();
            }
        };
    }

    /** Runs the action once, right after the first subscription item has been put. */
    static ExecutionInterceptor afterSubscriptionPut(Runnable action) {
        AtomicInteger runs = new AtomicInteger();
        return new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutItemRequest put && ConnectionItems.isSubscription(put.item())
                        && runs.getAndIncrement() == 0) {
                    action.run();
                }
            }
        };
    }
}
