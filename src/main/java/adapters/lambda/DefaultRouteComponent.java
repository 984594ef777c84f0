package adapters.lambda;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.apigateway.ApiGatewayModule;
import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbHistoryModule;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.HistoryTable;
import dagger.BindsInstance;
import dagger.Component;
import domain.HistoryPolicy;
import domain.Limits;
import javax.inject.Singleton;

/** The $default function on AWS: DynamoDB for connections and history, and @connections to answer the caller. */
@Singleton
@Component(modules = {DynamoDbModule.class, DynamoDbHistoryModule.class, ApiGatewayModule.class, DomainModule.class,
        RuntimeModule.class})
interface DefaultRouteComponent extends DefaultHandler.Dependencies, SnapshotHooks {

    @Override
    default ResumeMetrics resumeMetrics() {
        return ResumeMetrics.embeddedMetricFormat();
    }

    @Component.Factory
    interface Factory {
        DefaultRouteComponent create(@BindsInstance DynamoDbSettings table, @BindsInstance ApiGatewaySettings gateway,
                                     @BindsInstance HistoryTable history, @BindsInstance HistoryPolicy historyPolicy,
                                     @BindsInstance Limits limits);
    }
}
