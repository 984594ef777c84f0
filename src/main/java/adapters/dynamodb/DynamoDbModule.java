package adapters.dynamodb;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import org.crac.Resource;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Binds {@link ConnectionRepository} to DynamoDB. Needs a {@link DynamoDbSettings}, a {@link domain.Sleeper} and the
 * backoff jitter ({@link java.util.random.RandomGenerator}) from the component. Contributes a snapshot hook that closes
 * the client's idle connections before a SnapStart checkpoint.
 */
@Module
public interface DynamoDbModule {

    @Binds
    ConnectionRepository connectionRepository(DynamoDbConnectionRepository repository);

    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(DynamoDbSettings settings, KeptAliveConnections connections) {
        return DynamoDbClients.create(settings, connections);
    }

    @Provides
    @Singleton
    static KeptAliveConnections keptAliveConnections() {
        return new KeptAliveConnections(DynamoDbClients.CONNECT_TIMEOUT);
    }

    @Provides
    @IntoSet
    static Resource closeIdleConnectionsBeforeSnapshot(KeptAliveConnections connections) {
        return connections;
    }
}
