package adapters.lambda;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.apigateway.ApiGatewayModule;
import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import dagger.BindsInstance;
import dagger.Component;
import domain.Limits;
import javax.inject.Singleton;

/** The $default function on AWS: DynamoDB, and @connections to answer the caller. */
@Singleton
@Component(modules = {DynamoDbModule.class, ApiGatewayModule.class, DomainModule.class, RuntimeModule.class})
interface DefaultRouteComponent extends DefaultHandler.Dependencies, SnapshotHooks {

    @Component.Factory
    interface Factory {
        DefaultRouteComponent create(@BindsInstance DynamoDbSettings table, @BindsInstance ApiGatewaySettings gateway,
                                     @BindsInstance Limits limits);
    }
}
