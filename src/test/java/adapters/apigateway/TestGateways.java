package adapters.apigateway;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

/** Clients built as production builds them, aimed at a test server, signing with made-up keys. */
final class TestGateways {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret"));
    private static final SdkBytes CHUNK = SdkBytes.fromByteArray(new byte[16 * 1024]);

    private TestGateways() {
    }

    static ApiGatewaySettings settings(URI endpoint) {
        return ApiGatewaySettings.of(endpoint, Region.EU_WEST_1);
    }

    static ApiGatewaySettings settings(URI endpoint, Duration attemptTimeout, int maxInFlight) {
        return new ApiGatewaySettings(endpoint, Region.EU_WEST_1, attemptTimeout, attemptTimeout.multipliedBy(2),
                maxInFlight);
    }

    static ApiGatewayManagementApiAsyncClient client(ApiGatewaySettings settings) {
        return ManagementClients.build(settings, CREDENTIALS, ManagementClients.httpClient(settings));
    }

    /** As {@link #client(ApiGatewaySettings)}, counting what it sends in {@code sent}. */
    static ApiGatewayManagementApiAsyncClient client(ApiGatewaySettings settings, SentRequests sent) {
        return ManagementClients.build(settings, CREDENTIALS, sent.countingThrough(ManagementClients.httpClient(settings)));
    }

    /**
     * Posts 16 KB messages to a client that does not read until the gateway throttles them, as API Gateway does once
     * a client falls behind, and returns how many it accepted. It stops at the second 429 in a row: one alone can come
     * from a message still on its way into the socket, after which the gateway accepts again.
     */
    static int fillUntilThrottled(ApiGatewayManagementApiAsyncClient client, String connectionId) {
        int accepted = 0;
        for (int throttledInARow = 0; throttledInARow < 2; ) {
            if (accepted == 10_000) {
                throw new AssertionError("the gateway accepted 10,000 messages for a client that reads none");
            }
            try {
                client.postToConnection(r -> r.connectionId(connectionId).data(CHUNK)).join();
                accepted++;
                throttledInARow = 0;
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof LimitExceededException)) {
                    throw e;
                }
                throttledInARow++;
            }
        }
        return accepted;
    }
}
