package adapters.apigateway;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/** Clients built as production builds them, aimed at a test server, signing with made-up keys. */
final class TestGateways {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret"));

    private TestGateways() {
    }

    static ApiGatewaySettings settings(ConnectionsServer server) {
        return ApiGatewaySettings.of(server.endpoint(), Region.EU_WEST_1);
    }

    static ApiGatewaySettings settings(ConnectionsServer server, Duration attemptTimeout, int maxInFlight) {
        return new ApiGatewaySettings(server.endpoint(), Region.EU_WEST_1, attemptTimeout, attemptTimeout.multipliedBy(2),
                maxInFlight);
    }

    static ApiGatewayManagementApiAsyncClient client(ApiGatewaySettings settings) {
        return ManagementClients.build(settings, CREDENTIALS, ManagementClients.httpClient(settings));
    }
}
