package adapters.lambda;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** The $disconnect function on AWS: DynamoDB only. */
@Singleton
@Component(modules = {DynamoDbModule.class, DomainModule.class, RuntimeModule.class})
interface DisconnectComponent extends DisconnectHandler.Dependencies, SnapshotHooks {

    @Component.Factory
    interface Factory {
        DisconnectComponent create(@BindsInstance DynamoDbSettings table);
    }
}
