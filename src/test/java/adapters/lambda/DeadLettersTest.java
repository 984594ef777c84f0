package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The dead-letter queue's client costs a cold start nothing until a message needs it. */
class DeadLettersTest {

    @Test
    void theClient_isNotAskedForUntilPrimingOrADeadLetterNeedsIt() {
        AtomicInteger built = new AtomicInteger();
        DeadLetters deadLetters = new DeadLetters(() -> {
            built.incrementAndGet();
            return (SqsClient) null;
        }, "http://127.0.0.1:9324/000000000000/outbound-messages-dlq");

        assertThat(built).hasValue(0);
        deadLetters.prepare();
        assertThat(built).hasValue(1);
    }
}
