package domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

class NotificationRulesTest {

    private static Map<String, Object> valid() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", "n-1");
        attributes.put("source", "export-pipeline");
        attributes.put("type", "export.completed");
        attributes.put("time", "2026-03-01T12:00:00Z");
        attributes.put("userid", "u-1");
        return attributes;
    }

    private static Map<String, Object> with(String name, Object value) {
        Map<String, Object> attributes = valid();
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        return attributes;
    }

    @Test
    void givenValidEvent_validate_parsesItsAttributesAndKeepsThePayload() {
        ParseResult result = NotificationRules.validate(valid(), "{...}");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            Notification notification = parsed.notification();
            assertThat(notification.id()).isEqualTo("n-1");
            assertThat(notification.target()).isEqualTo(Target.user(UserId.of("u-1")));
            assertThat(notification.time()).contains(Instant.parse("2026-03-01T12:00:00Z"));
            assertThat(notification.payload()).isEqualTo("{...}");
        });
    }

    @Test
    void givenClaimTarget_validate_targetsTheClaim() {
        Map<String, Object> attributes = with("userid", null);
        attributes.put("claimid", "C-9");

        assertThat(NotificationRules.validate(attributes, "{}")).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.notification().target()).isEqualTo(Target.claim(ClaimId.of("C-9"))));
    }

    @Test
    void timeIsOptional() {
        assertThat(NotificationRules.validate(with("time", null), "{}")).isInstanceOf(ParseResult.Parsed.class);
    }

    static Stream<Arguments> defects() {
        Map<String, Object> twoTargets = valid();
        twoTargets.put("claimid", "C-1");
        return Stream.of(
                Arguments.of("missing id", with("id", null), NotificationDefect.MISSING_ATTRIBUTE, "'id' is required"),
                Arguments.of("missing source", with("source", null), NotificationDefect.MISSING_ATTRIBUTE, "'source'"),
                Arguments.of("missing type", with("type", null), NotificationDefect.MISSING_ATTRIBUTE, "'type'"),
                Arguments.of("missing specversion", with("specversion", null), NotificationDefect.MISSING_ATTRIBUTE, "'specversion'"),
                Arguments.of("numeric id", with("id", 42), NotificationDefect.INVALID_ATTRIBUTE, "'id' must be a non-empty string"),
                Arguments.of("blank type", with("type", " "), NotificationDefect.INVALID_ATTRIBUTE, "'type'"),
                Arguments.of("specversion 0.3", with("specversion", "0.3"), NotificationDefect.UNSUPPORTED_SPECVERSION, "got '0.3'"),
                Arguments.of("no target", with("userid", null), NotificationDefect.NO_TARGET, "exactly one"),
                Arguments.of("two targets", twoTargets, NotificationDefect.TWO_TARGETS, "userid='u-1' and claimid='C-1'"),
                Arguments.of("empty target", with("userid", ""), NotificationDefect.INVALID_ATTRIBUTE, "'userid'"),
                Arguments.of("numeric target", with("userid", 7), NotificationDefect.INVALID_ATTRIBUTE, "'userid'"),
                Arguments.of("bad time", with("time", "yesterday"), NotificationDefect.INVALID_ATTRIBUTE, "RFC 3339"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void givenDefectiveEvent_validate_rejectsItWithAClearReason(String name, Map<String, Object> attributes,
                                                                NotificationDefect defect, String detail) {
        assertThat(NotificationRules.validate(attributes, "{}")).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.defect()).isEqualTo(defect);
            assertThat(rejected.detail()).contains(detail);
        });
    }

    @Test
    void givenEventOverTheGatewayLimit_validate_rejectsItAsTooLarge() {
        String huge = "é".repeat(Notification.MAX_PAYLOAD_BYTES / 2 + 1);

        assertThat(NotificationRules.validate(valid(), huge)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("TOO_LARGE: 131074 bytes"));
    }

    @Test
    void theLargestEventAProducerMaySend_stillFitsTheGatewayOnceItCarriesItsPosition() {
        String largest = "{\"data\":\"" + "x".repeat(Notification.MAX_EVENT_BYTES - 11) + "\"}";
        String oneMore = "{\"data\":\"" + "x".repeat(Notification.MAX_EVENT_BYTES - 10) + "\"}";

        ParseResult accepted = NotificationRules.validate(valid(), largest);

        assertThat(accepted).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> assertThat(parsed.notification()
                .at(Position.of(Instant.now(), "n-1", 99)).payload().getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(Notification.MAX_PAYLOAD_BYTES));
        assertThat(NotificationRules.validate(valid(), oneMore)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.defect()).isEqualTo(NotificationDefect.TOO_LARGE));
    }

    @Test
    void givenAnEventThatSetsItsOwnPosition_validate_rejectsIt() {
        Map<String, Object> spoofed = new HashMap<>(valid());
        spoofed.put(Position.ATTRIBUTE, "9999999999999-ffffffffffffffff");

        assertThat(NotificationRules.validate(spoofed, "{}")).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.defect()).isEqualTo(NotificationDefect.RESERVED_ATTRIBUTE));
    }
}
