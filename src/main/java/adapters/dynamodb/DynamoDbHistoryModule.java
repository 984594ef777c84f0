package adapters.dynamodb;

import dagger.Binds;
import dagger.Module;
import ports.NotificationHistory;

/**
 * Binds {@link NotificationHistory} to its DynamoDB table. Needs a {@link HistoryTable} from the component and the
 * {@code DynamoDbClient} that {@link DynamoDbModule} provides.
 */
@Module
public interface DynamoDbHistoryModule {

    @Binds
    NotificationHistory notificationHistory(DynamoDbNotificationHistory history);
}
