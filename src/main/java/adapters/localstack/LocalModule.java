package adapters.localstack;

import adapters.lambda.QueueReadingModule;
import adapters.lambda.DeliveryMetrics;
import adapters.memory.InMemoryConnectionRepository;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import ports.ConnectionRepository;

/**
 * The local stack's own choices: connections in memory (shared by all four handlers, as one
 * DynamoDB table is on AWS), the local dead-letter queue, and no CloudWatch metrics.
 */
@Module(includes = QueueReadingModule.class)
interface LocalModule {

    @Binds
    ConnectionRepository connectionRepository(InMemoryConnectionRepository repository);

    @Provides
    static DeliveryMetrics deliveryMetrics() {
        return DeliveryMetrics.NONE;
    }
}
