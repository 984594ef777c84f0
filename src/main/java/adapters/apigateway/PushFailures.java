package adapters.apigateway;

import domain.PushResult;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/** Turns what the SDK threw for a push into what happened to it. */
final class PushFailures {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayPushGateway.class);

    private PushFailures() {
    }

    static PushResult resultOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof GoneException) {
            return PushResult.GONE;
        } else if (cause instanceof LimitExceededException) {
            return PushResult.THROTTLED;
        } else if (cause instanceof PayloadTooLargeException) {
            return PushResult.TOO_LARGE;
        } else if (cause instanceof SdkServiceException service) {
            return byStatus(service);
        }
        LOG.debug("push failed before API Gateway answered: {}", cause.toString());
        return PushResult.FAILED;
    }

    /**
     * Errors the model does not name arrive as the service's base exception; the status still
     * tells. A 403 also comes from IAM itself (an AccessDeniedException) or a bad signature.
     */
    private static PushResult byStatus(SdkServiceException failure) {
        int status = failure.statusCode();
        if (failure instanceof ForbiddenException || status == 403) {
            LOG.error("API Gateway refused a push ({}): IAM is wrong, the function's role needs"
                    + " execute-api:ManageConnections on <api-arn>/<stage>/POST/@connections/* for the API and"
                    + " stage in WS_API_ENDPOINT", failure.getMessage());
            return PushResult.FORBIDDEN;
        }
        return switch (status) {
            case 410 -> PushResult.GONE;
            case 413 -> PushResult.TOO_LARGE;
            case 429 -> PushResult.THROTTLED;
            default -> unexpected(failure);
        };
    }

    private static PushResult unexpected(SdkServiceException failure) {
        if (failure.statusCode() < 500) {
            LOG.warn("API Gateway answered a push with an unexpected {}: {}", failure.statusCode(), failure.getMessage());
        }
        return PushResult.FAILED;
    }
}
