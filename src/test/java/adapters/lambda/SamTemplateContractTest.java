package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.emulator.definitions.LocalTemplate;
import adapters.emulator.definitions.TemplateOverrides;
import adapters.emulator.definitions.TemplateReader;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The SAM template and the code agree: every function's Handler names a real handler class, and
 * every function's environment, as the template resolves it at deploy time, carries every variable
 * its code needs to start, in a form the code reads.
 */
class SamTemplateContractTest {
    private static final Path TEMPLATE = Path.of("deploy/sam/template.yaml");
    private static final Map<String, Function<Map<String, String>, ?>> FACTORIES = Map.of(
            "ConnectHandler", AwsComponents::connect,
            "DisconnectHandler", AwsComponents::disconnect,
            "DefaultHandler", AwsComponents::defaultRoute,
            "NotifierHandler", AwsComponents::notifier);
    /** What `make deploy` gives the parameters without a default: Terraform's outputs and the operator's PARAMS. */
    private static final Map<String, String> DEPLOY_PARAMETERS = Map.of(
            "OutboundQueueArn", "arn:aws:sqs:eu-west-1:123456789012:outbound-messages",
            "OutboundQueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/outbound-messages",
            "DeadLetterQueueArn", "arn:aws:sqs:eu-west-1:123456789012:outbound-messages-dlq",
            "DeadLetterQueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/outbound-messages-dlq",
            "JwtIssuer", "https://auth.example.com",
            "JwtAudience", "herald",
            "AWS::Region", "eu-west-1");
    private static final List<String> HISTORY_VARIABLES = List.of(
            "HISTORY_TABLE_NAME", "HISTORY_RETENTION", "RESUME_MARGIN", "RESUME_CAP");

    private static LocalTemplate template() throws IOException {
        return TemplateReader.read(TEMPLATE, new TemplateOverrides(DEPLOY_PARAMETERS, Map.of(), Map.of(), "abcdef1234"));
    }

    /**
     * The environment Lambda gives each function, keyed by its Handler: the template's variables with Globals merged,
     * parameters at their defaults, plus what the Lambda runtime sets.
     */
    private static Map<String, Map<String, String>> environments() throws IOException {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        template().functions().values().forEach(function ->
                environments.put(function.handler(), new HashMap<>(function.runtimeEnvironment())));
        return environments;
    }

    private static Map<String, String> environmentOf(String handler) throws IOException {
        return environments().get("adapters.lambda." + handler + "::handleRequest");
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
        Map<String, String> environment = environmentOf("NotifierHandler");
        environment.remove("WS_API_ENDPOINT");
        environment.remove("DEAD_LETTER_QUEUE_URL");

        assertThatThrownBy(() -> AwsComponents.notifier(environment))
                .hasMessageContaining("WS_API_ENDPOINT").hasMessageContaining("DEAD_LETTER_QUEUE_URL");
    }

    @Test
    void theFunctionsThatRecordAndResume_nameTheHistoryTableTheTemplateDeclares() throws IOException {
        LocalTemplate template = template();
        Map<String, String> notifier = environmentOf("NotifierHandler");
        Map<String, String> resume = environmentOf("DefaultHandler");

        assertThat(template.table(notifier.get("HISTORY_TABLE_NAME"))).hasValueSatisfying(table ->
                assertThat(table.logicalId()).isEqualTo("HistoryTable"));
        assertThat(resume).containsEntry("HISTORY_TABLE_NAME", notifier.get("HISTORY_TABLE_NAME"))
                .containsKeys("RESUME_MARGIN", "RESUME_CAP")
                // The Notifier expires entries after it and $default judges a resume complete by it: one setting.
                .containsEntry("HISTORY_RETENTION", notifier.get("HISTORY_RETENTION"));
    }

    @Test
    void theFunctionsThatNeverTouchTheHistory_haveNoneOfItsSettings() throws IOException {
        assertThat(environmentOf("ConnectHandler")).doesNotContainKeys(HISTORY_VARIABLES.toArray(String[]::new));
        assertThat(environmentOf("DisconnectHandler")).doesNotContainKeys(HISTORY_VARIABLES.toArray(String[]::new));
    }

    /** A mistyped parameter stops the function at start-up, not at the first resume hours later. */
    @Test
    void malformedHistorySettings_failAtStartUpNamingEachOne() throws IOException {
        Map<String, String> notifier = environmentOf("NotifierHandler");
        notifier.put("HISTORY_RETENTION", "24h");
        Map<String, String> resume = environmentOf("DefaultHandler");
        resume.put("HISTORY_RETENTION", "-PT1H");
        resume.put("RESUME_MARGIN", "a minute");
        resume.put("RESUME_CAP", "0");

        assertThatThrownBy(() -> AwsComponents.notifier(notifier)).hasMessageContaining("HISTORY_RETENTION");
        assertThatThrownBy(() -> AwsComponents.defaultRoute(resume)).hasMessageContaining("HISTORY_RETENTION")
                .hasMessageContaining("RESUME_MARGIN").hasMessageContaining("RESUME_CAP");
    }

    @Test
    void theDeployedEnvironment_isTheTemplatesResolved() throws IOException {
        Map<String, String> resume = environmentOf("DefaultHandler");

        assertThat(resume).containsEntry("AWS_REGION", "eu-west-1").containsEntry("DYNAMO_TABLE_NAME", "WebSocketConnections")
                .containsEntry("WS_API_ENDPOINT", "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/prod")
                .containsEntry("HISTORY_RETENTION", "PT24H").containsEntry("RESUME_CAP", "100")
                // The margin outlasts a Notifier run (30 s by default) by a minute of clock skew.
                .containsEntry("RESUME_MARGIN", "PT1M30S");
        // The secret's name, read at run time: never its value, which anyone allowed GetFunctionConfiguration could read.
        assertThat(environmentOf("ConnectHandler")).containsEntry("JWT_SECRET_ID", "herald/jwt-secret")
                .doesNotContainKeys("JWT_SECRET", "PUBLIC_KEY", "PUBLIC_KEY_PARAMETER", "JWKS_URL");
    }
}
