package adapters.dynamodb;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the one DynamoDB client a process needs. */
final class DynamoDbClients {
    // DynamoDB answers in milliseconds; a second covers a fresh TLS handshake after a SnapStart restore. Three
    // seconds for a call and its retries keeps two calls inside the handlers' 10 s Lambda timeout.
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private DynamoDbClients() {
    }

    static DynamoDbClient create(DynamoDbSettings settings) {
        return create(settings, new KeptAliveConnections(CONNECT_TIMEOUT));
    }

    /** The client a function uses: its connections come from {@code connections}, which closes them before a snapshot. */
    static DynamoDbClient create(DynamoDbSettings settings, KeptAliveConnections connections) {
        return create(settings, connections, config -> { });
    }

    /** {@code tuning} is for tests: interceptors that watch or bend the traffic, fewer retries. */
    static DynamoDbClient create(DynamoDbSettings settings, Consumer<ClientOverrideConfiguration.Builder> tuning) {
        return create(settings, new KeptAliveConnections(CONNECT_TIMEOUT), tuning);
    }

    private static DynamoDbClient create(DynamoDbSettings settings, KeptAliveConnections connections,
                                         Consumer<ClientOverrideConfiguration.Builder> tuning) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(settings.region())
                .httpClient(UrlConnectionHttpClient.create(connections))
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .applyMutation(tuning));
        settings.endpointOverride().ifPresentOrElse(
                endpoint -> builder.endpointOverride(endpoint).credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                // The default chain also reads the container credentials that SnapStart functions receive.
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }
}
