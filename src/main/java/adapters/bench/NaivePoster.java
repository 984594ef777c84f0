package adapters.bench;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Fan-out done the way many samples do it: the SDK's synchronous @connections client, posting to one connection after
 * another. What Herald's concurrent fan-out is measured against.
 */
final class NaivePoster implements AutoCloseable {
    private final ApiGatewayManagementApiClient client;

    NaivePoster(URI management) {
        this.client = ApiGatewayManagementApiClient.builder().endpointOverride(management).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Posts the same stamped message to each connection in turn; returns how many calls failed. */
    long postToEach(List<String> connectionIds, long sequence) {
        SdkBytes data = SdkBytes.fromUtf8String("{\"data\":" + Producer.stamped(System.nanoTime(), sequence) + "}");
        long failed = 0;
        for (String id : connectionIds) {
            try {
                client.postToConnection(request -> request.connectionId(id).data(data));
            } catch (SdkException e) {
                failed++;
            }
        }
        return failed;
    }

    @Override
    public void close() {
        client.close();
    }
}
