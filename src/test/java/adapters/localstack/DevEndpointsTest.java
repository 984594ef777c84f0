package adapters.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.jose4j.Jose4jTokenVerifier;
import adapters.jose4j.LocalDevKeys;
import adapters.json.CloudEventsCodec;
import adapters.emulator.websocket.HttpExtension.Answer;
import adapters.emulator.websocket.ApiGatewayEmulator.OpenConnection;
import adapters.sqs.SqsModule;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import domain.Sleeper;
import domain.TokenVerification;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The development endpoints' answers that need no queue: tokens, refusals of bad input, the connection list. */
class DevEndpointsTest {
    // Nothing listens here: a test that reached the queue would fail loudly.
    private final SqsSettings nowhere = new SqsSettings("http://127.0.0.1:9/queue/none",
            Optional.of(URI.create("http://127.0.0.1:9")), Region.US_EAST_1);
    private final SqsClient sqs = SqsModule.sqsClient(nowhere);
    private final DevEndpoints endpoints = new DevEndpoints(
            new DevTokens(LocalDevKeys.minter(Clock.systemUTC())),
            new DevNotifications(new SqsNotificationPublisher(sqs, nowhere, new CloudEventsCodec(Clock.systemUTC()),
                    Sleeper.REAL)),
            () -> List.of(new OpenConnection("abc=", Instant.parse("2026-01-01T00:00:00Z"), "ua")), sqs);

    @AfterEach
    void close() {
        endpoints.close();
    }

    @Test
    void givenSubjectAndClaims_token_isOneTheLocalStackAccepts() throws Exception {
        Answer answer = endpoints.answer("POST", "/dev/token", "{\"sub\":\"u1\",\"claims\":[\"C-1\"],\"ttlSeconds\":60}");

        assertThat(answer.status()).isEqualTo(200);
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.json()).get("token").asText();
        TokenVerification verified = new Jose4jTokenVerifier(LocalDevKeys.settings(), Clock.systemUTC()).verify(token);
        assertThat(verified).isInstanceOf(TokenVerification.Verified.class);
    }

    @Test
    void givenBadInput_eachEndpoint_answers400NamingTheProblem() {
        assertThat(endpoints.answer("POST", "/dev/token", "{}")).isEqualTo(new Answer(400,
                "{\"message\":\"'sub' is required: a non-empty string\"}"));
        assertThat(endpoints.answer("POST", "/dev/token", "{\"sub\":\"u1\",\"ttlSeconds\":0}").json()).contains("ttlSeconds");
        assertThat(endpoints.answer("POST", "/dev/token", "{\"sub\":\"u1\",\"claims\":\"C-1\"}").json()).contains("claims");
        assertThat(endpoints.answer("POST", "/dev/token", "not json").status()).isEqualTo(400);
        assertThat(endpoints.answer("POST", "/dev/notifications", "{\"type\":\"t\"}").json()).contains("exactly one target");
        assertThat(endpoints.answer("POST", "/dev/notifications", "{\"userId\":\"u1\",\"claimId\":\"C-1\"}").status())
                .isEqualTo(400);
        assertThat(endpoints.answer("POST", "/dev/notifications", "{\"userId\":\"u1\",\"type\":\" \"}").status())
                .isEqualTo(400);
        assertThat(endpoints.answer("POST", "/dev/notifications", "[1]").status()).isEqualTo(400);
    }

    @Test
    void connections_listsTheGatewaysOpenConnections() {
        assertThat(endpoints.answer("GET", "/dev/connections", "")).isEqualTo(new Answer(200,
                "{\"connections\":[{\"connectionId\":\"abc=\",\"connectedAt\":\"2026-01-01T00:00:00Z\",\"userAgent\":\"ua\"}]}"));
    }

    @Test
    void stats_forceAFullGcFirst_unlessAskedNotTo_andThenLeaveOutWhatNeedsIt() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        var afterFullGc = json.readTree(endpoints.answer("GET", "/dev/stats", Map.of(), "").json());
        var withoutGc = json.readTree(endpoints.answer("GET", "/dev/stats", Map.of("gc", List.of("no")), "").json());

        assertThat(afterFullGc.path("heapUsedAfterGcBytes").asLong()).isPositive();
        assertThat(afterFullGc.path("heapAfterLastGcBytes").asLong()).isPositive();
        assertThat(withoutGc.has("heapUsedAfterGcBytes")).isFalse();
        assertThat(withoutGc.path("heapAfterLastGcBytes").asLong()).isPositive();
        assertThat(withoutGc.path("openConnections").asInt()).isEqualTo(1);
        assertThat(endpoints.answer("GET", "/dev/stats", Map.of("gc", List.of("yes")), "").status()).isEqualTo(400);
    }

    @Test
    void givenWrongMethodOrPath_answers405Or404() {
        assertThat(endpoints.answer("GET", "/dev/token", "").status()).isEqualTo(405);
        assertThat(endpoints.answer("POST", "/dev/connections", "").status()).isEqualTo(405);
        assertThat(endpoints.answer("GET", "/dev/else", "").status()).isEqualTo(404);
        assertThat(endpoints.handles("/dev/token")).isTrue();
        assertThat(endpoints.handles("/index.html")).isFalse();
    }
}
