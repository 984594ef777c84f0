package adapters.app;

import adapters.json.CloudEventsCodec;
import adapters.lambda.DeadLetters;
import adapters.lambda.DeliveryMetrics;
import adapters.lambda.EmbeddedMetricFormat;
import adapters.sqs.SqsSettings;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The Notifier's own pieces: the codec, the dead-letter queue it sends to, and CloudWatch metrics. */
@Module
interface NotifierModule {

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
        return new EmbeddedMetricFormat();
    }
}
