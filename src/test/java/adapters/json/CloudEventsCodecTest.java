package adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adapters.json.NotificationExamples.Example;
import domain.ClaimId;
import domain.Notification;
import domain.NotificationDefect;
import domain.ParseResult;
import domain.Target;
import domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventsCodecTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.250Z");
    private final CloudEventsCodec codec = new CloudEventsCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    static List<Example> examples() {
        return NotificationExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachExample_decodesToTheOutcomeItsNameStates(Example example) {
        ParseResult result = codec.decode(example.body());

        if (example.accepted()) {
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        } else {
            assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class,
                    rejected -> assertThat(rejected.defect()).isEqualTo(example.defect().get()));
        }
    }

    @Test
    void aValidEvent_decodesToEveryAttributeAndKeepsTheBodyAsThePayload() {
        Example example = NotificationExamples.named("accepted.user-target.json");

        Notification notification = parsed(codec.decode(example.body()));

        assertThat(notification.id()).isEqualTo("evt-1");
        assertThat(notification.source()).isEqualTo("/claims/payments");
        assertThat(notification.type()).isEqualTo("com.example.claim.paid");
        assertThat(notification.time()).contains(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(notification.target()).isEqualTo(Target.user(UserId.of("user-42")));
        assertThat(notification.payload()).isEqualTo(example.body());
    }

    @Test
    void aLargeBodyThatIsNotJson_isRejectedWithAShortDetailThatDoesNotEchoIt() {
        String body = "not json " + "secret-".repeat(10_000);

        ParseResult result = codec.decode(body);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.defect()).isEqualTo(NotificationDefect.NOT_JSON);
            assertThat(rejected.detail()).hasSizeLessThanOrEqualTo(163).doesNotContain("secret-secret-");
        });
    }

    @Test
    void aDuplicatedAttribute_isRejectedRatherThanResolvedOneWayOrTheOther() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"userid\":\"a\",\"userid\":\"b\"}";

        assertThat(codec.decode(body)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.defect()).isEqualTo(NotificationDefect.NOT_JSON));
    }

    @Test
    void textAfterTheObject_isNotJson() {
        String body = NotificationExamples.named("accepted.minimal.json").body() + " {}";

        assertThat(codec.decode(body)).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void anEmptyOrMissingBody_isNotJson() {
        assertThat(codec.decode("")).isInstanceOf(ParseResult.Rejected.class);
        assertThat(codec.decode(null)).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void encodeThenDecode_givesBackTheSameNotification() {
        Instant time = Instant.parse("2026-02-03T04:05:06.789Z");
        NotificationRequest toUser = NotificationRequest.toUser("user-42", "com.example.claim.paid", "/claims/payments",
                Map.of("claimId", "C-7", "amount", 125.5)).withId("evt-9").withTime(time);
        NotificationRequest toClaim = NotificationRequest.toClaim("C-7", "com.example.claim.approved", "/claims/workflow", null);

        for (NotificationRequest request : List.of(toUser, toClaim)) {
            Notification notification = parsed(codec.decode(codec.encode(request)));

            assertThat(notification.type()).isEqualTo(request.type());
            assertThat(notification.source()).isEqualTo(request.source());
            assertThat(notification.target()).isEqualTo(request.target());
            request.id().ifPresent(id -> assertThat(notification.id()).isEqualTo(id));
            assertThat(notification.time()).contains(request.time().orElse(NOW));
        }
    }

    @Test
    void encode_fillsInARandomIdAndTheClocksTime() {
        NotificationRequest request = NotificationRequest.toClaim("C-7", "com.example.claim.approved", "/claims", "approved");

        Notification first = codec.toNotification(request);
        Notification second = codec.toNotification(request);

        assertThat(first.id()).isNotEqualTo(second.id()).matches("[0-9a-f-]{36}");
        assertThat(first.time()).contains(NOW);
        assertThat(first.target()).isEqualTo(Target.claim(ClaimId.of("C-7")));
    }

    @Test
    void encode_writesLowercaseExtensionsAndJsonData() {
        NotificationRequest request = NotificationRequest.toUser("user-42", "com.example.job.done", "/jobs",
                new NotificationRequest.JsonText("{\"progress\": [1, 2]}")).withId("evt-1");

        assertThat(codec.encode(request)).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/jobs\","
                + "\"type\":\"com.example.job.done\",\"time\":\"2026-03-01T10:15:30.250Z\",\"userid\":\"user-42\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"progress\":[1,2]}}");
    }

    @Test
    void encode_aRequestWithoutTarget_failsLoudlyWithTheDefect() {
        NotificationRequest noTarget = new NotificationRequest("com.example.job.done", "/jobs", null, null, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> codec.encode(noTarget))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_TARGET");
    }

    @Test
    void encode_aBlankTypeOrOversizedData_failsLoudlyWithTheDefect() {
        NotificationRequest blankType = NotificationRequest.toUser("user-42", " ", "/jobs", null);
        NotificationRequest huge = NotificationRequest.toUser("user-42", "com.example.job.done", "/jobs", "x".repeat(131_072));

        assertThatThrownBy(() -> codec.encode(blankType)).hasMessageContaining("INVALID_ATTRIBUTE");
        assertThatThrownBy(() -> codec.encode(huge)).hasMessageContaining("TOO_LARGE");
    }

    @Test
    void encode_jsonTextThatIsNotJson_failsLoudly() {
        NotificationRequest request = NotificationRequest.toUser("user-42", "com.example.job.done", "/jobs",
                new NotificationRequest.JsonText("{oops"));

        assertThatThrownBy(() -> codec.encode(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    private static Notification parsed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).notification();
    }
}
