package adapters.jose4j;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.BaseProvider;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * Powertools providers over SDK clients built as Herald builds its others: the JDK's URLConnection client, the
 * default credentials chain on AWS, fixed dummy credentials for a local endpoint. Each client is built on first use
 * and then kept; each call makes a provider with the given (fresh) cache.
 */
final class StoredKeyProviders {
    private StoredKeyProviders() {
    }

    static Function<CacheManager, BaseProvider> secrets(KeyStoreEndpoint store) {
        Supplier<SecretsManagerClient> client = once(() -> configured(SecretsManagerClient.builder(), store).build());
        return cache -> SecretsProvider.builder().withClient(client.get()).withCacheManager(cache).build();
    }

    static Function<CacheManager, BaseProvider> parameters(KeyStoreEndpoint store) {
        Supplier<SsmClient> client = once(() -> configured(SsmClient.builder(), store).build());
        return cache -> SSMProvider.builder().withClient(client.get()).withCacheManager(cache).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
                                                                                                 KeyStoreEndpoint store) {
        builder.region(store.region()).httpClientBuilder(UrlConnectionHttpClient.builder());
        store.endpointOverride().ifPresentOrElse(
                endpoint -> builder.endpointOverride(endpoint).credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder;
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        Object[] built = new Object[1];
        return () -> {
            synchronized (built) {
                if (built[0] == null) {
                    built[0] = factory.get();
                }
                @SuppressWarnings("unchecked")
                T value = (T) built[0];
                return value;
            }
        };
    }
}
