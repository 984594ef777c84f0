package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.emulator.definitions.FunctionDefinition;
import adapters.emulator.websocket.Route;
import adapters.localstack.handlers.ContextEcho;
import adapters.localstack.handlers.EnvironmentEcho;
import adapters.localstack.handlers.NoArgHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalFunctionsTest {
    private final LocalFunctions functions = new LocalFunctions(FunctionDefinition::runtimeEnvironment, null);

    @Test
    void environmentConstructor_isPreferred_andOneInstanceServesEveryCall() {
        Route route = route("Greeter", EnvironmentEcho.class.getName() + "::handleRequest", Map.of("GREETING", "hi"));
        int before = EnvironmentEcho.INSTANCES.get();

        String first = functions.invoke(route, event()).getBody();
        functions.invoke(route, event());

        assertThat(first).isEqualTo("hi from Greeter");
        assertThat(EnvironmentEcho.INSTANCES.get() - before).isEqualTo(1);
    }

    @Test
    void noArgConstructor_isUsedWhenThereIsNoEnvironmentConstructor() {
        Route route = route("Plain", NoArgHandler.class.getName(), Map.of());

        assertThat(functions.invoke(route, event()).getStatusCode()).isEqualTo(204);
    }

    @Test
    void missingClass_failsTheInvocationNamingTheFunction() {
        Route route = route("Missing", "adapters.lambda.NoSuchHandler::handleRequest", Map.of());

        assertThatThrownBy(() -> functions.invoke(route, event()))
                .hasMessageContaining("adapters.lambda.NoSuchHandler").hasMessageContaining("Missing");
    }

    @Test
    void aBatch_isInvokedWithAContextCountingDownFromTheFunctionTimeout() {
        FunctionDefinition notifier = new FunctionDefinition("Notifier", ContextEcho.class.getName(), Map.of(),
                Duration.ofSeconds(30), 1024, "us-east-1");

        SQSBatchResponse response = functions.batchFunction(notifier).apply(new SQSEvent());

        String[] context = response.getBatchItemFailures().get(0).getItemIdentifier().split(" ");
        assertThat(context[0]).isNotBlank();
        assertThat(context[1]).isEqualTo("Notifier");
        assertThat(Integer.parseInt(context[2])).isBetween(1, 30_000);
    }

    private static Route route(String name, String handler, Map<String, String> environment) {
        return new Route("$default", new FunctionDefinition(name, handler, environment, Duration.ofSeconds(3), 128,
                "us-east-1"), Duration.ofSeconds(29), false);
    }

    private static APIGatewayV2WebSocketEvent event() {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRequestId("request-1");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        return event;
    }
}
