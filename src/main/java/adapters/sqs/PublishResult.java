package adapters.sqs;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What became of one request in {@link SqsNotificationPublisher#publishAll}. */
public sealed interface PublishResult {

    /** SQS holds the message. */
    record Sent(String messageId) implements PublishResult {
    }

    /**
     * SQS did not take the message, even after the one retry a server-side failure gets.
     *
     * @param code        SQS's error code, e.g. {@code InternalError}, or the SDK's exception name
     * @param senderFault true when the request itself is at fault and sending it again will not help
     */
    record Failed(String code, String message, boolean senderFault) implements PublishResult {

        /** A whole SendMessageBatch call that failed, after the SDK's own retries. */
        static Failed of(SdkException e) {
            if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                boolean senderFault = service.statusCode() < 500 && !service.isThrottlingException();
                return new Failed(service.awsErrorDetails().errorCode(), service.awsErrorDetails().errorMessage(), senderFault);
            }
            return new Failed(e.getClass().getSimpleName(), e.getMessage(), false);
        }
    }

    default boolean isSent() {
        return this instanceof Sent;
    }
}
