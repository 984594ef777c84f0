package adapters.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.local.LocalLambdaContext;
import adapters.local.gateway.handlers.EnvironmentEcho;
import adapters.local.template.FunctionDefinition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReflectiveLambdaInvokerTest {
    private final ReflectiveLambdaInvoker invoker = new ReflectiveLambdaInvoker();

    @Test
    void environmentConstructor_isPreferred_andOneInstanceServesEveryCall() {
        Route route = route("Greeter", EnvironmentEcho.class.getName() + "::handleRequest", Map.of("GREETING", "hi"));
        int before = EnvironmentEcho.INSTANCES.get();

        String first = invoker.invoke(route, null, context(route)).getBody();
        invoker.invoke(route, null, context(route));

        assertThat(first).isEqualTo("hi from Greeter");
        assertThat(EnvironmentEcho.INSTANCES.get() - before).isEqualTo(1);
    }

    @Test
    void noArgConstructor_isUsedWhenThereIsNoEnvironmentConstructor() {
        Route route = route("Plain", "adapters.local.gateway.handlers.NoArgHandler", Map.of());

        assertThat(invoker.invoke(route, null, context(route)).getStatusCode()).isEqualTo(204);
    }

    @Test
    void missingClass_failsTheInvocationNamingTheFunction() {
        Route route = route("Missing", "adapters.lambda.NoSuchHandler::handleRequest", Map.of());

        assertThatThrownBy(() -> invoker.invoke(route, null, context(route)))
                .hasMessageContaining("adapters.lambda.NoSuchHandler").hasMessageContaining("Missing");
    }

    private static Route route(String name, String handler, Map<String, String> environment) {
        return new Route("$default", new FunctionDefinition(name, handler, environment, Duration.ofSeconds(3), 128,
                "us-east-1"), Duration.ofSeconds(29), false);
    }

    private static LocalLambdaContext context(Route route) {
        return new LocalLambdaContext("request", route.function().logicalId(), route.function().region(),
                route.function().memorySize(), route.function().timeout());
    }
}
