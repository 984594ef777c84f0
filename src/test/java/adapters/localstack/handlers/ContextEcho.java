package adapters.localstack.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/** An SQS handler that reports its context as one failure: the request id, the function and the time left. */
public final class ContextEcho implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String seen = context.getAwsRequestId() + " " + context.getFunctionName() + " " + context.getRemainingTimeInMillis();
        return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(seen)));
    }
}
