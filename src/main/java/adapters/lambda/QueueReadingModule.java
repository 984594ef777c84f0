package adapters.lambda;

import adapters.json.CloudEventsCodec;
import adapters.sqs.SqsSettings;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every Notifier needs to read its queue, on AWS and locally: the CloudEvents codec and the
 * dead-letter queue it moves undeliverable messages to. Needs an {@link SqsClient} (SqsModule),
 * the dead-letter queue's {@link SqsSettings} and a {@link Clock}.
 */
@Module
public interface QueueReadingModule {

    @Provides
    @Singleton
    static CloudEventsCodec codec(Clock clock) {
        return new CloudEventsCodec(clock);
    }

    /** The client comes through {@link Lazy}: only a malformed message needs it, so a cold start does not build it. */
    @Provides
    @Singleton
    static DeadLetters deadLetters(Lazy<SqsClient> sqs, SqsSettings deadLetterQueue) {
        return new DeadLetters(sqs::get, deadLetterQueue.queueUrl());
    }
}
