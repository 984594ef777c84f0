package adapters.emulator.queue;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the embedded SQS: it checks no signature, so any credentials do. */
final class LocalSqsClients {
    private static final StaticCredentialsProvider ANY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalSqsClients() {
    }

    /** A client whose reads outlast {@code longestWait}, so a long poll is never cut off as a timeout. */
    static SqsClient forEndpoint(URI endpoint, Region region, Duration longestWait) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(ANY_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(longestWait.plusSeconds(5)))
                .build();
    }
}
