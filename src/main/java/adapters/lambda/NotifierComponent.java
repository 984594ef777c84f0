package adapters.lambda;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.apigateway.ApiGatewayModule;
import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbHistoryModule;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.HistoryTable;
import adapters.sqs.SqsModule;
import adapters.sqs.SqsSettings;
import dagger.BindsInstance;
import dagger.Component;
import domain.ConnectionId;
import domain.HistoryPolicy;
import domain.Limits;
import javax.inject.Singleton;
import ports.PushGateway;

/** The Notifier function on AWS: DynamoDB for connections and history, @connections, and SQS for the dead-letter queue. */
@Singleton
@Component(modules = {DynamoDbModule.class, DynamoDbHistoryModule.class, ApiGatewayModule.class, SqsModule.class, NotifierModule.class,
        DomainModule.class, RuntimeModule.class})
interface NotifierComponent extends NotifierHandler.Dependencies, SnapshotHooks {

    PushGateway pushGateway();

    /** A push to a connection that does not exist: API Gateway answers 410, and the client is warm. */
    @Override
    default Runnable gatewayPrimer() {
        return () -> pushGateway().push(ConnectionId.of("herald-priming"), "{}").toCompletableFuture().join();
    }

    @Component.Factory
    interface Factory {
        /** {@code deadLetterQueue} names the dead-letter queue as the one queue this function sends to. */
        NotifierComponent create(@BindsInstance DynamoDbSettings table, @BindsInstance ApiGatewaySettings gateway,
                                 @BindsInstance SqsSettings deadLetterQueue, @BindsInstance HistoryTable history,
                                 @BindsInstance HistoryPolicy historyPolicy, @BindsInstance Limits limits);
    }
}
