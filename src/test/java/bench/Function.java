package bench;

import java.util.Arrays;

/**
 * What the benchmark starts cold: each Lambda function's handler with the first event it would
 * really see (a fixture from src/test/resources/events), and the no-op baseline. Classes are
 * named, not referenced, so that a run loads only its own handler.
 */
enum Function {
    NOOP("bench.NoopHandler", "connect", Event.WEB_SOCKET, "200"),
    CONNECT("adapters.lambda.ConnectHandler", "connect", Event.WEB_SOCKET, "200"),
    DISCONNECT("adapters.lambda.DisconnectHandler", "disconnect", Event.WEB_SOCKET, "200"),
    DEFAULT("adapters.lambda.DefaultHandler", "message-subscribe", Event.WEB_SOCKET, "200:subscribed"),
    /** sqs-batch: a notification to a user, one to a claim, one malformed (dead-lettered): every client the Notifier has. */
    NOTIFIER("adapters.lambda.NotifierHandler", "sqs-batch", Event.SQS, "failures:0"),
    /**
     * sqs-batch-delivered: the same batch without its malformed message, the usual first batch; only on request
     * ({@code --functions}). It shows what a client that only a dead letter needs costs when it is built anyway.
     */
    NOTIFIER_DELIVERED("adapters.lambda.NotifierHandler", "sqs-batch-delivered", Event.SQS, "failures:0");

    enum Event {
        WEB_SOCKET("com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent"),
        SQS("com.amazonaws.services.lambda.runtime.events.SQSEvent");

        final String className;

        Event(String className) {
            this.className = className;
        }
    }

    final String handlerClass;
    final String fixture;
    final Event event;
    /** What {@link ColdStart} reports when the request took the full, successful path. */
    final String expectedOutcome;

    Function(String handlerClass, String fixture, Event event, String expectedOutcome) {
        this.handlerClass = handlerClass;
        this.fixture = fixture;
        this.event = event;
        this.expectedOutcome = expectedOutcome;
    }

    String key() {
        return name().toLowerCase();
    }

    static Function of(String key) {
        return Arrays.stream(values()).filter(function -> function.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + key + "; one of " + Arrays.toString(values())));
    }
}
