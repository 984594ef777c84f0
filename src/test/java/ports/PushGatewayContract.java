package ports;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ConnectionId;
import domain.Notification;
import domain.PushResult;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PushGateway} must do, against a gateway where the test can open and close sockets. */
public abstract class PushGatewayContract {

    protected abstract PushGateway gateway();

    /** Opens a socket on the gateway under test and returns its id. */
    protected abstract ConnectionId openConnection();

    /** Closes the socket as a vanished client would. */
    protected abstract void closeConnection(ConnectionId id);

    /** What the socket has received so far, in order. */
    protected abstract List<String> received(ConnectionId id);

    private PushResult push(ConnectionId id, String payload) {
        return gateway().push(id, payload).toCompletableFuture().join();
    }

    @Test
    void givenOpenConnection_push_deliversThePayload() {
        ConnectionId id = openConnection();

        assertThat(push(id, "{\"hello\":\"world\"}")).isEqualTo(PushResult.DELIVERED);
        assertThat(received(id)).containsExactly("{\"hello\":\"world\"}");
    }

    @Test
    void givenUnknownConnection_push_isGone() {
        assertThat(push(ConnectionId.of("unknown-" + UUID.randomUUID()), "x")).isEqualTo(PushResult.GONE);
    }

    @Test
    void givenClosedConnection_push_isGone() {
        ConnectionId id = openConnection();
        closeConnection(id);

        assertThat(push(id, "late")).isEqualTo(PushResult.GONE);
    }

    @Test
    void givenPayloadOverTheLimit_push_isTooLarge() {
        ConnectionId id = openConnection();

        assertThat(push(id, "x".repeat(Notification.MAX_PAYLOAD_BYTES + 1))).isEqualTo(PushResult.TOO_LARGE);
        assertThat(received(id)).isEmpty();
    }

    @Test
    void givenPayloadExactlyAtTheLimit_push_delivers() {
        ConnectionId id = openConnection();

        assertThat(push(id, "y".repeat(Notification.MAX_PAYLOAD_BYTES))).isEqualTo(PushResult.DELIVERED);
    }
}
