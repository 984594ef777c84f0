package adapters.localstack;

import adapters.lambda.QueueReadingModule;
import adapters.lambda.DeliveryMetrics;
import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryNotificationHistory;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import ports.ConnectionRepository;
import ports.NotificationHistory;

/**
 * The local stack's own choices: connections and the notification history in memory (shared by all
 * four handlers, as the DynamoDB tables are on AWS), the local dead-letter queue, and no CloudWatch metrics.
 */
@Module(includes = QueueReadingModule.class)
interface LocalModule {

    @Binds
    ConnectionRepository connectionRepository(InMemoryConnectionRepository repository);

    @Binds
    NotificationHistory notificationHistory(InMemoryNotificationHistory history);

    @Provides
    static DeliveryMetrics deliveryMetrics() {
        return DeliveryMetrics.NONE;
    }
}
