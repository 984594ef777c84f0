package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryPushGateway;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Limits;
import domain.Principal;
import domain.SubscriptionService;
import domain.Target;
import domain.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final List<String> replies = new ArrayList<>();
    private final DefaultHandler handler = new DefaultHandler(new DefaultHandler.Dependencies() {
        @Override
        public SubscriptionService subscriptionService() {
            return new SubscriptionService(repository, Limits.DEFAULT, clock);
        }

        @Override
        public PushGateway pushGateway() {
            return sockets;
        }
    });

    DefaultHandlerTest() {
        repository.save(Connection.open(CALLER, new Principal(UserId.of("alice"), Set.of(ClaimId.of("C-1042"))),
                clock.instant(), Limits.DEFAULT));
        sockets.open(CALLER, replies::add);
    }

    @Test
    void subscribe_recordsTheSubscriptionAndRepliesToTheCaller() {
        assertThat(handler.handleRequest(Events.webSocket("message-subscribe"), null).getStatusCode()).isEqualTo(200);

        assertThat(replies).containsExactly("{\"type\":\"subscribed\",\"claimId\":\"C-1042\"}");
        assertThat(repository.audienceOf(Target.claim(ClaimId.of("C-1042")))).hasSize(1);
    }

    @Test
    void unsubscribe_removesTheSubscription() {
        handler.handleRequest(Events.webSocket("message-subscribe"), null);

        handler.handleRequest(Events.webSocket("message-unsubscribe"), null);

        assertThat(replies).last().isEqualTo("{\"type\":\"unsubscribed\",\"claimId\":\"C-1042\"}");
        assertThat(repository.audienceOf(Target.claim(ClaimId.of("C-1042")))).isEmpty();
    }

    @Test
    void ping_isAnsweredWithPong() {
        handler.handleRequest(Events.webSocket("message-ping"), null);

        assertThat(replies).containsExactly("{\"type\":\"pong\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"message-not-json, NOT_JSON", "message-unknown-action, UNKNOWN_ACTION", "message-missing-claim, MISSING_CLAIM_ID"})
    void givenABadRequest_theCallerGetsAnErrorReplyAndTheRouteStillSucceeds(String event, String reason) {
        assertThat(handler.handleRequest(Events.webSocket(event), null).getStatusCode()).isEqualTo(200);

        assertThat(replies).singleElement().asString().contains("\"type\":\"error\"").contains("\"reason\":\"" + reason + "\"");
    }

    @Test
    void givenAClaimTheTokenDoesNotGrant_subscribe_repliesNotEntitled() {
        repository.save(Connection.open(CALLER, new Principal(UserId.of("alice"), Set.of()), clock.instant(), Limits.DEFAULT));

        handler.handleRequest(Events.webSocket("message-subscribe"), null);

        assertThat(replies).singleElement().asString().contains("NOT_ENTITLED");
    }
}
