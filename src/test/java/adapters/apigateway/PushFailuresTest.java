package adapters.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import domain.PushResult;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

class PushFailuresTest {

    @Test
    void modelledExceptions_mapToTheirResults_evenWhenWrappedByTheFuture() {
        assertThat(PushFailures.resultOf(new CompletionException(GoneException.builder().statusCode(410).build())))
                .isEqualTo(PushResult.GONE);
        assertThat(PushFailures.resultOf(LimitExceededException.builder().statusCode(429).build()))
                .isEqualTo(PushResult.THROTTLED);
        assertThat(PushFailures.resultOf(PayloadTooLargeException.builder().statusCode(413).build()))
                .isEqualTo(PushResult.TOO_LARGE);
        assertThat(PushFailures.resultOf(ForbiddenException.builder().statusCode(403).build()))
                .isEqualTo(PushResult.FORBIDDEN);
    }

    @Test
    void unmodelledErrors_mapByTheirStatus() {
        assertThat(PushFailures.resultOf(serviceError(403))).isEqualTo(PushResult.FORBIDDEN);
        assertThat(PushFailures.resultOf(serviceError(410))).isEqualTo(PushResult.GONE);
        assertThat(PushFailures.resultOf(serviceError(429))).isEqualTo(PushResult.THROTTLED);
        assertThat(PushFailures.resultOf(serviceError(502))).isEqualTo(PushResult.FAILED);
        assertThat(PushFailures.resultOf(serviceError(400))).isEqualTo(PushResult.FAILED);
    }

    @Test
    void timeoutsAndBrokenConnections_failRetryably() {
        assertThat(PushFailures.resultOf(ApiCallAttemptTimeoutException.create(1000))).isEqualTo(PushResult.FAILED);
        assertThat(PushFailures.resultOf(SdkClientException.create("reset", new IOException("Connection reset"))))
                .isEqualTo(PushResult.FAILED);
        assertThat(PushFailures.resultOf(new IllegalStateException("client closed"))).isEqualTo(PushResult.FAILED);
    }

    private static ApiGatewayManagementApiException serviceError(int status) {
        return (ApiGatewayManagementApiException) ApiGatewayManagementApiException.builder()
                .statusCode(status).message("AccessDeniedException or another unmodelled error").build();
    }
}
