package adapters.sqs;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The producer side of the outbound queue: provides the {@link SqsClient} that
 * {@link SqsNotificationPublisher} sends with. Needs an {@link SqsSettings}, a {@link java.time.Clock}
 * (for the codec's default event time) and a {@link domain.Sleeper} (for the batch retry pause)
 * from the component.
 */
@Module
public interface SqsModule {

    @Provides
    @Singleton
    static SqsClient sqsClient(SqsSettings settings) {
        return clientBuilder(settings).build();
    }

    /**
     * The JDK's URLConnection client loads no connection-pool or event-loop classes, which keeps a
     * producer Lambda's cold start short; a producer sends a few messages per invocation, so a pool
     * would not pay off. The SDK would wait indefinitely without a call timeout.
     */
    static SqsClientBuilder clientBuilder(SqsSettings settings) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(settings.region())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(15))
                        .build());
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
