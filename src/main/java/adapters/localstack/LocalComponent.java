package adapters.localstack;

import adapters.wiring.DomainModule;
import adapters.wiring.RuntimeModule;
import adapters.apigateway.ApiGatewayModule;
import adapters.apigateway.ApiGatewaySettings;
import adapters.jose4j.Jose4jModule;
import adapters.jose4j.TokenSettings;
import adapters.lambda.ConnectHandler;
import adapters.lambda.DefaultHandler;
import adapters.lambda.DisconnectHandler;
import adapters.lambda.NotifierHandler;
import adapters.sqs.SqsModule;
import adapters.sqs.SqsSettings;
import dagger.BindsInstance;
import dagger.Component;
import domain.HistoryPolicy;
import domain.Limits;
import javax.inject.Singleton;
import ports.ConnectionRepository;

/**
 * All four functions of the local stack in one graph with the connections in memory: the real
 * handlers, the real token verifier, the real @connections client pointed at the local gateway,
 * and the real dead-letter path into the local queue.
 */
@Singleton
@Component(modules = {LocalModule.class, Jose4jModule.class, ApiGatewayModule.class, SqsModule.class, DomainModule.class,
        RuntimeModule.class})
interface LocalComponent extends ConnectHandler.Dependencies, DisconnectHandler.Dependencies, DefaultHandler.Dependencies,
        NotifierHandler.Dependencies {

    ConnectionRepository connectionRepository();

    @Component.Factory
    interface Factory {
        LocalComponent create(@BindsInstance TokenSettings tokens, @BindsInstance ApiGatewaySettings gateway,
                              @BindsInstance SqsSettings deadLetterQueue, @BindsInstance HistoryPolicy historyPolicy,
                              @BindsInstance Limits limits);
    }
}
