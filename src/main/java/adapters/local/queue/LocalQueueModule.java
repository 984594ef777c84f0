package adapters.local.queue;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * The local stack's SQS: an embedded ElasticMQ with the queues of {@code deploy/terraform}
 * ({@link LocalQueues}, started when first provided) and the {@link SqsEventSource} that feeds them to the
 * Notifier as Lambda would. Needs a {@link LocalQueueSettings}, an {@link EventSourceSettings} and the
 * Notifier's {@code RequestHandler<SQSEvent, SQSBatchResponse>} from the component. Whoever owns the
 * component calls {@link SqsEventSource#start()} and, on shutdown, closes the event source before the queues.
 */
@Module
public interface LocalQueueModule {

    @Provides
    @Singleton
    static LocalQueues localQueues(LocalQueueSettings settings) {
        return LocalQueues.start(settings);
    }
}
