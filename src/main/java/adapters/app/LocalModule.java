package adapters.app;

import adapters.json.CloudEventsCodec;
import adapters.lambda.DeadLetters;
import adapters.lambda.DeliveryMetrics;
import adapters.memory.InMemoryConnectionRepository;
import adapters.sqs.SqsSettings;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stack's own choices: connections in memory (shared by all four handlers, as one
 * DynamoDB table is on AWS), the local dead-letter queue, and no CloudWatch metrics.
 */
@Module
interface LocalModule {

    @Binds
    ConnectionRepository connectionRepository(InMemoryConnectionRepository repository);

    @Provides
    @Singleton
    static CloudEventsCodec codec(Clock clock) {
        return new CloudEventsCodec(clock);
    }

    @Provides
    @Singleton
    static DeadLetters deadLetters(SqsClient sqs, SqsSettings deadLetterQueue) {
        return new DeadLetters(sqs, deadLetterQueue.queueUrl());
    }

    @Provides
    static DeliveryMetrics deliveryMetrics() {
        return DeliveryMetrics.NONE;
    }
}
