package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The SAM template and the code agree: every function's Handler names a real handler class, and
 * every function's environment carries every variable its code needs to start.
 */
class SamTemplateContractTest {
    private static final Map<String, Function<Map<String, String>, ?>> FACTORIES = Map.of(
            "ConnectHandler", AwsComponents::connect,
            "DisconnectHandler", AwsComponents::disconnect,
            "DefaultHandler", AwsComponents::defaultRoute,
            "NotifierHandler", AwsComponents::notifier);
    /** What each variable looks like on AWS; the template resolves them from parameters and dynamic references. */
    private static final Map<String, String> PLAUSIBLE = Map.of(
            "JWT_SECRET_ID", "herald/jwt-secret",
            "PUBLIC_KEY_PARAMETER", "/herald/jwt-public-key",
            "WS_API_ENDPOINT", "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/prod",
            "DEAD_LETTER_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/outbound-messages-dlq",
            "MAX_CONNECTIONS_PER_USER", "10",
            "MAX_SUBSCRIPTIONS_PER_CONNECTION", "50");

    /** Each function's properties, keyed by the handler's simple class name, with Globals merged into its variables. */
    private static Map<String, Map<String, String>> environments() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/sam/template.yaml").toFile());
        JsonNode globals = template.path("Globals").path("Function").path("Environment").path("Variables");
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.path("Properties");
                ObjectNode variables = ((ObjectNode) globals).deepCopy();
                properties.path("Environment").path("Variables").fields()
                        .forEachRemaining(field -> variables.set(field.getKey(), field.getValue()));
                environments.put(properties.path("Handler").asText(), environmentOf(variables));
            }
        });
        return environments;
    }

    /** The environment Lambda would give the function in the template's default key mode (a shared secret). */
    private static Map<String, String> environmentOf(JsonNode variables) {
        Map<String, String> environment = new HashMap<>();
        variables.fieldNames().forEachRemaining(name -> environment.put(name, PLAUSIBLE.getOrDefault(name, "value-of-" + name)));
        environment.remove("PUBLIC_KEY_PARAMETER");
        environment.remove("JWKS_URL");
        environment.put("AWS_REGION", "eu-west-1");
        return environment;
    }

    private static String simpleName(String handler) {
        return handler.replaceFirst("^adapters\\.lambda\\.", "").replaceFirst("::handleRequest$", "");
    }

    @Test
    void theTemplateDeclaresTheFourHandlers() throws IOException {
        assertThat(environments().keySet()).extracting(SamTemplateContractTest::simpleName)
                .containsExactlyInAnyOrderElementsOf(FACTORIES.keySet());
    }

    @Test
    void everyHandler_isALambdaRequestHandlerWithTheConstructorsLambdaAndTheLocalStackUse() throws Exception {
        for (String handler : environments().keySet()) {
            assertThat(handler).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.replaceFirst("::handleRequest$", ""));
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
            assertThat(type.getConstructor(Map.class)).isNotNull();
            assertThat(type.getMethod("handleRequest", Object.class, Context.class)).isNotNull();
        }
    }

    @Test
    void everyFunction_hasEveryVariableItsCodeNeedsToStart() throws IOException {
        environments().forEach((handler, environment) -> assertThatCode(() -> FACTORIES.get(simpleName(handler)).apply(environment))
                .as(handler).doesNotThrowAnyException());
    }

    @Test
    void aFunctionMissingAVariable_failsAtStartUpNamingIt() throws IOException {
        Map<String, String> environment = environments().get("adapters.lambda.NotifierHandler::handleRequest");
        environment.remove("WS_API_ENDPOINT");
        environment.remove("DEAD_LETTER_QUEUE_URL");

        assertThatThrownBy(() -> AwsComponents.notifier(environment))
                .hasMessageContaining("WS_API_ENDPOINT").hasMessageContaining("DEAD_LETTER_QUEUE_URL");
    }
}
