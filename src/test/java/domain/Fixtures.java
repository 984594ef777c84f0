package domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** Shared values for the domain tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final ClaimId CLAIM = ClaimId.of("C-1");
    static final ClaimId OTHER_CLAIM = ClaimId.of("C-2");

    private Fixtures() {
    }

    static Principal principal(UserId user, ClaimId... claims) {
        return new Principal(user, Set.of(claims));
    }

    static Connection connection(String id, UserId user, ClaimId... claims) {
        return Connection.open(ConnectionId.of(id), principal(user, claims), NOW, Limits.DEFAULT);
    }

    static Notification notificationTo(Target target) {
        return new Notification("n-1", "test", "export.completed", Optional.of(NOW), target, "{\"id\":\"n-1\"}");
    }

    /** A notification whose payload is a JSON object carrying its id, so that a position can be stamped into it. */
    static Notification jsonNotification(String id, Target target) {
        return new Notification(id, "test", "export.completed", Optional.empty(), target, "{\"id\":\"" + id + "\"}");
    }

    /** The position stamped into a pushed payload. */
    static Position positionIn(String payload) {
        return Position.parse(payload.replaceAll(".*\"heraldposition\":\"([^\"]+)\".*", "$1")).orElseThrow();
    }
}
