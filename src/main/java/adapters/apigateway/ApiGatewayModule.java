package adapters.apigateway;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import org.crac.Resource;
import ports.PushGateway;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Binds {@link PushGateway} to API Gateway's @connections API. Needs an {@link ApiGatewaySettings}
 * from the component (see {@link ApiGatewaySettings#fromEnvironment}); the component must be
 * {@code @Singleton}-scoped, so that one client and one retry scheduler serve every push. Contributes a snapshot hook
 * that closes the client's connections before a SnapStart checkpoint.
 */
@Module
public interface ApiGatewayModule {

    @Binds
    PushGateway pushGateway(ApiGatewayPushGateway gateway);

    /**
     * The default chain, because SnapStart functions get their credentials from the container
     * endpoint rather than environment variables; its first step, system properties, is free.
     */
    @Provides
    @Singleton
    static ApiGatewayManagementApiAsyncClient managementClient(ApiGatewaySettings settings, ReopenableHttpClient http) {
        return ManagementClients.build(settings, DefaultCredentialsProvider.builder().build(), http);
    }

    @Provides
    @Singleton
    static ReopenableHttpClient httpClient(ApiGatewaySettings settings) {
        return new ReopenableHttpClient(() -> ManagementClients.httpClient(settings));
    }

    @Provides
    @IntoSet
    static Resource closeConnectionsBeforeSnapshot(ReopenableHttpClient http) {
        return http;
    }
}
