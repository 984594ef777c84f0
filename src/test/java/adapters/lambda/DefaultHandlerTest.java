package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryNotificationHistory;
import adapters.memory.InMemoryPushGateway;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.HistoryPolicy;
import domain.HistoryRecorder;
import domain.Limits;
import domain.Notification;
import domain.Position;
import domain.Principal;
import domain.ResumeService;
import domain.SubscriptionService;
import domain.Target;
import domain.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ports.PushGateway;

class DefaultHandlerTest {
    private static final ConnectionId CALLER = ConnectionId.of("CYf6ecLEDoECGHg=");
    private final Clock clock = Clock.systemUTC();
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final InMemoryPushGateway sockets = new InMemoryPushGateway();
    /** What went down the caller's socket through @connections. */
    private final List<String> pushed = new ArrayList<>();
    /** Everything the caller hears, in order: the pushes of an invocation, then its route response. */
    private final List<String> replies = new ArrayList<>();
    private final InMemoryNotificationHistory history = new InMemoryNotificationHistory();
    private final HistoryRecorder recorder = new HistoryRecorder(history, HistoryPolicy.DEFAULT, clock);
    private final DefaultHandler handler = new DefaultHandler(new DefaultHandler.Dependencies() {
        @Override
        public SubscriptionService subscriptionService() {
            return new SubscriptionService(repository, Limits.DEFAULT, clock);
        }

        @Override
        public ResumeService resumeService() {
            return new ResumeService(repository, history, sockets, HistoryPolicy.DEFAULT, clock);
        }

        @Override
        public PushGateway pushGateway() {
            return sockets;
        }
    });

    DefaultHandlerTest() {
        repository.save(Connection.open(CALLER, new Principal(UserId.of("alice"), Set.of(ClaimId.of("C-1042"))),
                clock.instant(), Limits.DEFAULT));
        sockets.open(CALLER, message -> {
            pushed.add(message);
            replies.add(message);
        });
    }

    @Test
    void subscribe_recordsTheSubscriptionAndRepliesToTheCaller() {
        assertThat(handle(Events.webSocket("message-subscribe"), null).getStatusCode()).isEqualTo(200);

        assertThat(replies).singleElement().asString()
                .startsWith("{\"type\":\"subscribed\",\"claimId\":\"C-1042\",\"position\":\"");
        assertThat(repository.audienceOf(Target.claim(ClaimId.of("C-1042")))).hasSize(1);
    }

    @Test
    void unsubscribe_removesTheSubscription() {
        handle(Events.webSocket("message-subscribe"), null);

        handle(Events.webSocket("message-unsubscribe"), null);

        assertThat(replies).last().isEqualTo("{\"type\":\"unsubscribed\",\"claimId\":\"C-1042\"}");
        assertThat(repository.audienceOf(Target.claim(ClaimId.of("C-1042")))).isEmpty();
    }

    @Test
    void ping_isAnsweredWithPong_asTheRouteResponse_withoutACallToConnections() {
        APIGatewayV2WebSocketResponse response = handle(Events.webSocket("message-ping"), null);

        assertThat(response.getBody()).isEqualTo("{\"type\":\"pong\"}");
        assertThat(pushed).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"message-not-json, NOT_JSON", "message-unknown-action, UNKNOWN_ACTION", "message-missing-claim, MISSING_CLAIM_ID"})
    void givenABadRequest_theCallerGetsAnErrorReplyAndTheRouteStillSucceeds(String event, String reason) {
        assertThat(handle(Events.webSocket(event), null).getStatusCode()).isEqualTo(200);

        assertThat(replies).singleElement().asString().contains("\"type\":\"error\"").contains("\"reason\":\"" + reason + "\"");
    }

    @Test
    void givenAClaimTheTokenDoesNotGrant_subscribe_repliesNotEntitled() {
        repository.save(Connection.open(CALLER, new Principal(UserId.of("alice"), Set.of()), clock.instant(), Limits.DEFAULT));

        handle(Events.webSocket("message-subscribe"), null);

        assertThat(replies).singleElement().asString().contains("NOT_ENTITLED");
    }

    @Test
    void resume_replaysWhatTheUserMissedInOrder_thenAnswersThatItIsComplete() {
        Position seen = publish("n-1", Target.user(UserId.of("alice")));
        publish("n-2", Target.user(UserId.of("alice")));
        publish("n-3", Target.user(UserId.of("alice")));

        handle(message("{\"action\":\"resume\",\"after\":\"" + seen.text() + "\"}"), null);

        assertThat(replies).hasSize(4);
        assertThat(replies.subList(0, 3)).extracting(DefaultHandlerTest::id).containsExactly("n-1", "n-2", "n-3");
        assertThat(replies.get(3)).contains("\"type\":\"resumed\"", "\"target\":\"user\"", "\"complete\":true",
                "\"replayed\":3", "\"position\":\"");
    }

    @Test
    void subscribeWithAPosition_answersSubscribed_thenReplaysTheClaim_thenAnswersResumed() {
        Position seen = publish("n-1", Target.claim(ClaimId.of("C-1042")));
        publish("n-2", Target.claim(ClaimId.of("C-1042")));

        APIGatewayV2WebSocketResponse response = handle(message("{\"action\":\"subscribe\",\"claimId\":\"C-1042\",\"after\":\"" + seen.text() + "\"}"), null);

        assertThat(replies.get(0)).isEqualTo("{\"type\":\"subscribed\",\"claimId\":\"C-1042\"}");
        assertThat(replies.subList(1, 3)).extracting(DefaultHandlerTest::id).containsExactly("n-1", "n-2");
        assertThat(replies.get(3)).contains("\"type\":\"resumed\"", "\"target\":\"claim\"", "\"claimId\":\"C-1042\"",
                "\"complete\":true", "\"replayed\":2");
        assertThat(pushed).as("what must arrive before the answer").hasSize(3);
        assertThat(response.getBody()).isEqualTo(replies.get(3));
    }

    @Test
    void resumingAClaimTheTokenDoesNotGrant_isAnErrorReply_andNothingIsReplayed() {
        Position seen = publish("n-1", Target.claim(ClaimId.of("C-9")));

        handle(message("{\"action\":\"resume\",\"claimId\":\"C-9\",\"after\":\"" + seen.text() + "\"}"), null);

        assertThat(replies).singleElement().asString().contains("\"type\":\"error\"", "\"reason\":\"NOT_ENTITLED\"",
                "\"claimId\":\"C-9\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"resume\",\"after\":\"yesterday\"}|BAD_POSITION",
            "{\"action\":\"resume\",\"after\":42}|BAD_POSITION",
            "{\"action\":\"subscribe\",\"claimId\":\"C-1042\",\"after\":\"\"}|BAD_POSITION",
            "{\"action\":\"resume\",\"claimId\":\"\"}|MISSING_CLAIM_ID"})
    void badResumeInput_getsAnErrorReply_neverAFailedRoute(String body, String reason) {
        assertThat(handle(message(body), null).getStatusCode()).isEqualTo(200);

        assertThat(replies).singleElement().asString().contains("\"type\":\"error\"", "\"reason\":\"" + reason + "\"");
    }

    private Position publish(String id, Target target) {
        Notification notification = new Notification(id, "test", "t", Optional.empty(), target, "{\"id\":\"" + id + "\"}");
        String payload = recorder.record(notification, 1).payload();
        return Position.parse(payload.replaceAll(".*\"heraldposition\":\"([^\"]+)\".*", "$1")).orElseThrow();
    }

    /** Invokes the handler as API Gateway does on the two-way $default route: the response's body reaches the caller. */
    private APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(event, context);
        if (response.getBody() != null && !response.getBody().isEmpty()) {
            replies.add(response.getBody());
        }
        return response;
    }

    private static APIGatewayV2WebSocketEvent message(String body) {
        APIGatewayV2WebSocketEvent event = Events.webSocket("message-ping");
        event.setBody(body);
        return event;
    }

    private static String id(String event) {
        return event.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
