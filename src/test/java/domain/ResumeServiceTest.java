package domain;

import static domain.Fixtures.ALICE;
import static domain.Fixtures.BOB;
import static domain.Fixtures.CLAIM;
import static domain.Fixtures.OTHER_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryNotificationHistory;
import adapters.memory.InMemoryPushGateway;
import adapters.simulation.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Resume on a virtual clock: what is replayed, in what order, and when the answer says it was not complete. */
class ResumeServiceTest {
    private static final HistoryPolicy POLICY = new HistoryPolicy(Duration.ofHours(24), Duration.ofMinutes(1), 5);
    private static final ConnectionId CALLER = ConnectionId.of("caller");

    private final VirtualClock clock = new VirtualClock(Fixtures.NOW);
    private final InMemoryConnectionRepository connections = new InMemoryConnectionRepository();
    private final InMemoryNotificationHistory history = new InMemoryNotificationHistory();
    private final InMemoryPushGateway sockets = new InMemoryPushGateway();
    private final List<String> received = new ArrayList<>();
    private final HistoryRecorder recorder = new HistoryRecorder(history, POLICY, clock);

    ResumeServiceTest() {
        connections.save(Connection.open(CALLER, Fixtures.principal(ALICE, CLAIM), clock.instant(), Limits.DEFAULT));
        sockets.open(CALLER, received::add);
    }

    private ResumeService service(HistoryPolicy policy) {
        return new ResumeService(connections, history, sockets, policy, clock);
    }

    private Position publish(String id, Target target) {
        Notification notification = new Notification(id, "test", "t", Optional.empty(), target, "{\"id\":\"" + id + "\"}");
        Position position = Position.parse(recorder.record(notification, 1).payload()
                .replaceAll(".*\"" + Position.ATTRIBUTE + "\":\"([^\"]+)\".*", "$1")).orElseThrow();
        clock.advance(Duration.ofSeconds(10));
        return position;
    }

    @Test
    void withinTheWindow_everyEntryAfterThePositionIsReplayedInOrder_andTheReplayIsComplete() {
        publish("n-0", Target.user(ALICE));
        clock.advance(Duration.ofMinutes(5));
        Position seen = publish("n-1", Target.user(ALICE));
        publish("n-2", Target.user(ALICE));
        publish("n-3", Target.user(ALICE));

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.of(seen));

        assertThat(result).isEqualTo(new ResumeResult.Resumed(Target.user(ALICE), true, 3, Position.first(clock.instant())));
        // n-1 is within the margin too: the client has shown it already and drops it by id.
        assertThat(received).extracting(ResumeServiceTest::id).containsExactly("n-1", "n-2", "n-3");
    }

    @Test
    void theReplayStartsAMarginBeforeThePosition_forEntriesASlowerNotifierStampedEarlier() {
        publish("n-early", Target.claim(CLAIM));
        Position seen = publish("n-seen", Target.claim(CLAIM));

        ResumeResult result = service(POLICY).resume(CALLER, Target.claim(CLAIM), Optional.of(seen));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> assertThat(resumed.complete()).isTrue());
        assertThat(received).extracting(ResumeServiceTest::id).containsExactly("n-early", "n-seen");
    }

    @Test
    void aGapOlderThanTheRetentionWindow_isIncomplete() {
        Position seen = publish("n-1", Target.user(ALICE));
        clock.advance(Duration.ofHours(25));
        publish("n-2", Target.user(ALICE));
        connections.save(Connection.open(CALLER, Fixtures.principal(ALICE, CLAIM), clock.instant(), Limits.DEFAULT));

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.of(seen));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> {
            assertThat(resumed.complete()).isFalse();
            assertThat(resumed.replayed()).isEqualTo(1);
        });
    }

    @Test
    void aGapLongerThanTheCap_isIncomplete_andReplaysTheNewestUpToTheCap() {
        Position seen = publish("n-0", Target.user(ALICE));
        clock.advance(Duration.ofMinutes(5));
        for (int i = 1; i <= 7; i++) {
            publish("n-" + i, Target.user(ALICE));
        }

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.of(seen));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> {
            assertThat(resumed.complete()).isFalse();
            assertThat(resumed.replayed()).isEqualTo(5);
        });
        assertThat(received).extracting(ResumeServiceTest::id).containsExactly("n-3", "n-4", "n-5", "n-6", "n-7");
    }

    @Test
    void aClaimTheTokenDoesNotGrant_isRefused_andNothingIsReplayed() {
        Position seen = publish("n-1", Target.claim(OTHER_CLAIM));
        publish("n-2", Target.claim(OTHER_CLAIM));

        ResumeResult result = service(POLICY).resume(CALLER, Target.claim(OTHER_CLAIM), Optional.of(seen));

        assertThat(result).isEqualTo(new ResumeResult.Refused(Target.claim(OTHER_CLAIM), ResumeRefusal.NOT_ENTITLED));
        assertThat(received).isEmpty();
    }

    @Test
    void anotherUsersHistory_isNeverReplayed() {
        Position seen = publish("n-bob", Target.user(BOB));

        ResumeResult result = service(POLICY).resume(CALLER, Target.user(BOB), Optional.of(seen));

        assertThat(result).isEqualTo(new ResumeResult.Refused(Target.user(BOB), ResumeRefusal.NOT_ENTITLED));
        assertThat(received).isEmpty();
    }

    @Test
    void aPositionHeraldNeverIssued_isIncomplete() {
        publish("n-1", Target.user(ALICE));
        Position fromTheFuture = Position.first(clock.instant().plus(Duration.ofDays(3)));

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.of(fromTheFuture));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> assertThat(resumed.complete()).isFalse());
        assertThat(received).isEmpty();
    }

    @Test
    void withNoPosition_nothingIsReplayed_andTheAnswerSaysWhereToResumeFromNextTime() {
        publish("n-1", Target.user(ALICE));

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.empty());

        assertThat(result).isEqualTo(new ResumeResult.Resumed(Target.user(ALICE), true, 0, Position.first(clock.instant())));
        assertThat(received).isEmpty();
    }

    @Test
    void withHistoryOff_aResumeIsIncomplete() {
        ResumeResult result = service(new HistoryPolicy(Duration.ZERO, Duration.ofMinutes(1), 5))
                .resumeOwnUser(CALLER, Optional.of(Position.first(clock.instant())));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> assertThat(resumed.complete()).isFalse());
    }

    @Test
    void aReplayThatCannotBePushed_isIncomplete() {
        Position seen = publish("n-1", Target.user(ALICE));
        clock.advance(Duration.ofMinutes(5));
        publish("n-2", Target.user(ALICE));
        sockets.close(CALLER);

        ResumeResult result = service(POLICY).resumeOwnUser(CALLER, Optional.of(seen));

        assertThat(result).isInstanceOfSatisfying(ResumeResult.Resumed.class, resumed -> {
            assertThat(resumed.complete()).isFalse();
            assertThat(resumed.replayed()).isZero();
        });
    }

    @Test
    void anUnknownConnection_isRefused() {
        assertThat(service(POLICY).resumeOwnUser(ConnectionId.of("nobody"), Optional.of(Position.first(clock.instant()))))
                .isEqualTo(new ResumeResult.Refused(null, ResumeRefusal.UNKNOWN_CONNECTION));
    }

    private static String id(String event) {
        return event.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
