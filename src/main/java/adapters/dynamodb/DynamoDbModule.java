package adapters.dynamodb;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Binds {@link ConnectionRepository} to DynamoDB. Needs a {@link DynamoDbSettings} and a {@link domain.Sleeper}
 * from the component.
 */
@Module
public interface DynamoDbModule {

    @Binds
    ConnectionRepository connectionRepository(DynamoDbConnectionRepository repository);

    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(DynamoDbSettings settings) {
        return DynamoDbClients.create(settings);
    }
}
