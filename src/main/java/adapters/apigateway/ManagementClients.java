package adapters.apigateway;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/** Builds the SDK client for the @connections API. */
final class ManagementClients {

    private ManagementClients() {
    }

    /**
     * The AWS CRT client: it started faster and pushed more per second than Netty here
     * (docs/http-client.md). Its connection limit is the in-flight bound: requests beyond it wait
     * for a connection without holding a thread, and the attempt timeout covers that wait.
     */
    static SdkAsyncHttpClient httpClient(ApiGatewaySettings settings) {
        return AwsCrtAsyncHttpClient.builder()
                .maxConcurrency(settings.maxInFlight())
                .connectionTimeout(settings.attemptTimeout())
                .build();
    }

    /**
     * The SDK's own retries are off: {@link PushRetry} retries instead, and two retrying layers
     * would multiply attempts. Both timeouts are set because a call without them can hang.
     */
    static ApiGatewayManagementApiAsyncClient build(ApiGatewaySettings settings, AwsCredentialsProvider credentials,
                                                    SdkAsyncHttpClient http) {
        return ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(settings.endpoint())
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout()))
                .build();
    }
}
