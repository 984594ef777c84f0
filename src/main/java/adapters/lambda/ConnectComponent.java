package adapters.lambda;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.jose4j.Jose4jModule;
import adapters.jose4j.TokenSettings;
import dagger.BindsInstance;
import dagger.Component;
import domain.ConnectionId;
import domain.Limits;
import javax.inject.Singleton;
import ports.ConnectionRepository;

/** The $connect function on AWS: DynamoDB and jose4j. */
@Singleton
@Component(modules = {DynamoDbModule.class, Jose4jModule.class, DomainModule.class, RuntimeModule.class})
interface ConnectComponent extends ConnectHandler.Dependencies, SnapshotHooks {

    ConnectionRepository connectionRepository();

    @Override
    default Runnable storePrimer() {
        return () -> connectionRepository().find(ConnectionId.of("herald-priming"));
    }

    @Override
    default ConnectMetrics connectMetrics() {
        return new ConnectOutcomeMetrics();
    }

    @Component.Factory
    interface Factory {
        ConnectComponent create(@BindsInstance DynamoDbSettings table, @BindsInstance TokenSettings tokens,
                                @BindsInstance Limits limits);
    }
}
