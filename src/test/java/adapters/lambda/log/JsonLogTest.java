package adapters.lambda.log;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.lambda.OfflineContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The deployed jar's log lines: Powertools' field names (so Logs Insights queries keep working), valid JSON whatever
 * the message holds, the levels Lambda and Powertools' variables set, and fields that cost no copy.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(written, true, StandardCharsets.UTF_8);
    private final LogFields fields = new LogFields();

    @AfterEach
    void clearFields() {
        fields.clear();
    }

    @Test
    void aLine_carriesPowertoolsFieldNames_andTheInvocationsFields() throws IOException {
        fields.put(InvocationLog.REQUEST_ID, "c0ld5tar-0000-4000-8000-000000000001");
        fields.put(InvocationLog.COLD_START, "true");
        fields.put("connectionId", "uH3PHq_dM1on8gw=");
        fields.put("userId", "u-1");

        logger(Map.of()).info("connection accepted for {}", "u-1");

        JsonNode line = onlyLine();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo("connection accepted for u-1");
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.get("function_request_id").asText()).isEqualTo("c0ld5tar-0000-4000-8000-000000000001");
        assertThat(line.get("cold_start").isBoolean()).isTrue();
        assertThat(line.get("connectionId").asText()).isEqualTo("uH3PHq_dM1on8gw=");
        assertThat(line.get("userId").asText()).isEqualTo("u-1");
        assertThat(line.get("service")).isNotNull();
    }

    @Test
    void theFunctionsFields_areOneFragmentWithPowertoolsNamesAndTypes() throws IOException {
        String fragment = ExecutionEnvironment.fragment("arn:aws:lambda:eu-west-1:123456789012:function:herald-connect:live",
                "1024", "herald-connect", "7");

        JsonNode fields = JSON.readTree("{\"level\":\"INFO\"" + fragment + "}");
        assertThat(fields.get("function_arn").asText()).endsWith(":function:herald-connect:live");
        assertThat(fields.get("function_memory_size").isInt()).isTrue();
        assertThat(fields.get("function_name").asText()).isEqualTo("herald-connect");
        assertThat(fields.get("function_version").asText()).isEqualTo("7");
        assertThat(fields.has("service")).isTrue();
    }

    @Test
    void anyMessage_staysOneLineOfValidJson() throws IOException {
        String hostile = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 and é";

        logger(Map.of()).warn(hostile);

        assertThat(written.toString(StandardCharsets.UTF_8)).hasLineCount(1);
        assertThat(onlyLine().get("message").asText()).isEqualTo(hostile);
    }

    @Test
    void anError_becomesPowertoolsErrorObject() throws IOException {
        logger(Map.of()).error("the {} route failed unexpectedly", "$default", new IllegalStateException("boom"));

        JsonNode line = onlyLine();
        assertThat(line.get("message").asText()).isEqualTo("the $default route failed unexpectedly");
        assertThat(line.at("/error/name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.at("/error/message").asText()).isEqualTo("boom");
        assertThat(line.at("/error/stack").asText()).contains("JsonLogTest");
    }

    @Test
    void theStricterOfLambdasAndPowertoolsLevels_applies_andTheSdkStaysAtWarn() {
        JsonLoggers loggers = new JsonLoggers(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG", "POWERTOOLS_LOG_LEVEL", "DEBUG"),
                () -> out);
        JsonLoggers warnOnly = new JsonLoggers(Map.of("AWS_LAMBDA_LOG_LEVEL", "INFO", "POWERTOOLS_LOG_LEVEL", "WARN"),
                () -> out);

        assertThat(loggers.getLogger("adapters.lambda.ConnectHandler").isDebugEnabled()).isTrue();
        assertThat(warnOnly.getLogger("adapters.lambda.ConnectHandler").isInfoEnabled()).isFalse();
        assertThat(new JsonLoggers(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR"), () -> out).getLogger("x").isWarnEnabled())
                .isFalse();
        assertThat(loggers.getLogger("software.amazon.awssdk.request").isInfoEnabled()).isFalse();
        assertThat(loggers.getLogger("software.amazon.awssdk.request").isWarnEnabled()).isTrue();
        assertThat(new JsonLoggers(Map.of("POWERTOOLS_LOG_LEVEL", "WARN"), () -> out).getLogger("x").isInfoEnabled())
                .isFalse();
        assertThat(JsonLoggers.level("FATAL").name()).isEqualTo("ERROR");
        assertThat(JsonLoggers.level("loud").name()).isEqualTo("INFO");
    }

    @Test
    void belowTheLevel_nothingIsWritten() {
        logger(Map.of("POWERTOOLS_LOG_LEVEL", "WARN")).info("not written");

        assertThat(written.size()).isZero();
    }

    @Test
    void timestamps_readAsInstantsInUtc() {
        for (long millis : List.of(0L, 1_796_198_506_407L, 951_782_400_005L, 4_102_444_799_999L)) {
            StringBuilder text = new StringBuilder();
            JsonLines.timestamp(text, millis);
            assertThat(Instant.parse(text).toEpochMilli()).isEqualTo(millis);
        }
    }

    @Test
    void fields_keepTheirOrder_andRemoveOrReplaceWithoutLosingOthers() {
        for (int i = 0; i < 20; i++) {
            fields.put("k" + i, "v" + i);
        }
        fields.put("k3", "replaced");
        fields.remove("k0");

        assertThat(fields.getCopyOfContextMap().keySet()).hasSize(19).first().isEqualTo("k1");
        assertThat(fields.get("k3")).isEqualTo("replaced");
        assertThat(fields.get("k19")).isEqualTo("v19");
        fields.clear();
        assertThat(fields.getCopyOfContextMap()).isEmpty();
    }

    @Test
    void theTraceId_isTheRootOfLambdasTraceHeader() {
        assertThat(InvocationLog.traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"))
                .isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(InvocationLog.traceId(null)).isNull();
        assertThat(InvocationLog.traceId("Parent=53995c3f42cd8ad8")).isNull();
    }

    @Test
    void theFirstInvocationAfterPriming_isTheColdStart_andEndingOneLeavesNoField() {
        OfflineContext context = new OfflineContext("r-1", "herald-connect", "eu-west-1", 1024, Duration.ofSeconds(10));
        InvocationLog.primingWasNoInvocation();

        InvocationLog.begin(context);
        assertThat(MDC.get(InvocationLog.COLD_START)).isEqualTo("true");
        assertThat(MDC.get(InvocationLog.REQUEST_ID)).isEqualTo("r-1");
        InvocationLog.end();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();

        InvocationLog.begin(context);
        assertThat(MDC.get(InvocationLog.COLD_START)).isEqualTo("false");
        InvocationLog.end();
    }

    private Logger logger(Map<String, String> environment) {
        return new JsonLoggers(environment, () -> out).getLogger("adapters.lambda.ConnectHandler");
    }

    private JsonNode onlyLine() throws IOException {
        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }
}
