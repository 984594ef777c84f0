package adapters.local.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dagger.BindsInstance;
import dagger.Component;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class LocalQueueModuleIT {

    @Singleton
    @Component(modules = LocalQueueModule.class)
    interface QueueComponent {
        LocalQueues queues();

        SqsEventSource eventSource();

        @Component.Factory
        interface Factory {
            QueueComponent create(@BindsInstance LocalQueueSettings queues, @BindsInstance EventSourceSettings eventSource,
                    @BindsInstance RequestHandler<SQSEvent, SQSBatchResponse> notifier);
        }
    }

    @Test
    void givenTheSettingsAndAHandler_theGraphStartsOneQueueAndFeedsTheHandlerFromIt() throws Exception {
        RecordingHandler notifier = RecordingHandler.succeeding();
        QueueComponent component = DaggerLocalQueueModuleIT_QueueComponent.factory().create(
                LocalQueueSettings.defaults(Path.of("deploy/terraform")).withPort(0), EventSourceSettings.defaults(), notifier);

        try (LocalQueues queues = component.queues(); SqsEventSource source = component.eventSource();
                SqsClient producer = LocalSqsClients.forEndpoint(queues.endpoint(), queues.region(), Duration.ZERO)) {
            source.start();
            producer.sendMessage(send -> send.queueUrl(queues.queueUrl()).messageBody("wired"));

            assertThat(notifier.next().getBody()).isEqualTo("wired");
            assertThat(component.queues()).isSameAs(queues);
            assertThat(component.eventSource()).isSameAs(source);
        }
    }
}
