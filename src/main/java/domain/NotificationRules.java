package domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a queued CloudEvent must pass to become a {@link Notification}.
 *
 * <p>Decoding JSON is an adapter's job; the adapter hands over the event's top-level attributes as
 * plain Java values (strings, numbers, maps) together with the text it decoded them from.
 */
public final class NotificationRules {
    public static final String SPEC_VERSION = "1.0";
    public static final String USER_ATTRIBUTE = "userid";
    public static final String CLAIM_ATTRIBUTE = "claimid";
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

    private NotificationRules() {
    }

    public static ParseResult validate(Map<String, ?> attributes, String encoded) {
        int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Notification.MAX_EVENT_BYTES) {
            return ParseResult.rejected(NotificationDefect.TOO_LARGE, bytes + " bytes, the limit is " + Notification.MAX_EVENT_BYTES
                    + " (API Gateway's " + Notification.MAX_PAYLOAD_BYTES + " less " + Position.ATTRIBUTE_BYTES
                    + " for the history position)");
        }
        if (attributes.containsKey(Position.ATTRIBUTE)) {
            return ParseResult.rejected(NotificationDefect.RESERVED_ATTRIBUTE,
                    "'" + Position.ATTRIBUTE + "' is set by Herald when it records the event; leave it out");
        }
        for (String name : REQUIRED) {
            Object value = attributes.get(name);
            if (value == null) {
                return ParseResult.rejected(NotificationDefect.MISSING_ATTRIBUTE, "'" + name + "' is required");
            }
            if (!(value instanceof String text) || text.isBlank()) {
                return ParseResult.rejected(NotificationDefect.INVALID_ATTRIBUTE, "'" + name + "' must be a non-empty string");
            }
        }
        if (!SPEC_VERSION.equals(attributes.get("specversion"))) {
            return ParseResult.rejected(NotificationDefect.UNSUPPORTED_SPECVERSION,
                    "got '" + attributes.get("specversion") + "', expected '" + SPEC_VERSION + "'");
        }
        Optional<Target> target = targetOf(attributes);
        if (target.isEmpty()) {
            return targetDefect(attributes);
        }
        Object time = attributes.get("time");
        Optional<Instant> instant = parseTime(time);
        if (time != null && instant.isEmpty()) {
            return ParseResult.rejected(NotificationDefect.INVALID_ATTRIBUTE,
                    "'time' must be an RFC 3339 timestamp, got '" + time + "'");
        }
        return new ParseResult.Parsed(new Notification(text(attributes, "id"), text(attributes, "source"),
                text(attributes, "type"), instant, target.get(), encoded));
    }

    private static Optional<Target> targetOf(Map<String, ?> attributes) {
        Object user = attributes.get(USER_ATTRIBUTE);
        Object claim = attributes.get(CLAIM_ATTRIBUTE);
        if (user != null && claim == null && isText(user)) {
            return Optional.of(Target.user(UserId.of((String) user)));
        }
        if (claim != null && user == null && isText(claim)) {
            return Optional.of(Target.claim(ClaimId.of((String) claim)));
        }
        return Optional.empty();
    }

    private static ParseResult targetDefect(Map<String, ?> attributes) {
        Object user = attributes.get(USER_ATTRIBUTE);
        Object claim = attributes.get(CLAIM_ATTRIBUTE);
        if (user == null && claim == null) {
            return ParseResult.rejected(NotificationDefect.NO_TARGET,
                    "set exactly one of '" + USER_ATTRIBUTE + "' or '" + CLAIM_ATTRIBUTE + "'");
        }
        if (user != null && claim != null) {
            return ParseResult.rejected(NotificationDefect.TWO_TARGETS,
                    "got " + USER_ATTRIBUTE + "='" + user + "' and " + CLAIM_ATTRIBUTE + "='" + claim + "'");
        }
        String name = user != null ? USER_ATTRIBUTE : CLAIM_ATTRIBUTE;
        return ParseResult.rejected(NotificationDefect.INVALID_ATTRIBUTE,
                "'" + name + "' must be a non-empty string of at most 256 characters");
    }

    /** CloudEvents allows 'time' to be absent; when present it must be RFC 3339. */
    private static Optional<Instant> parseTime(Object time) {
        if (!(time instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank() && text.length() <= 256;
    }

    private static String text(Map<String, ?> attributes, String name) {
        return (String) attributes.get(name);
    }
}
