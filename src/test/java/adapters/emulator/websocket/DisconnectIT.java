package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import testsupport.WebSocketTestClient;

/** {@code $disconnect} runs after every kind of close, with the code API Gateway reports. */
class DisconnectIT {
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private ApiGatewayEmulator gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void clientClose_reportsTheClientsCodeAndReason() throws Exception {
        start(EmulatorSettings.defaults());
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        client.close(4000, "bye");

        DisconnectRequestContext context = handlers.disconnectOf(id);
        assertThat(context.getDisconnectStatusCode()).isEqualTo(4000);
        assertThat(context.getDisconnectReason()).isEqualTo("bye");
        assertThat(context.getEventType()).isEqualTo("DISCONNECT");
        assertThat(client.closeCode()).isEqualTo(4000);
    }

    @Test
    void droppedTcp_reports1006() throws Exception {
        start(EmulatorSettings.defaults());
        BareSocket socket = BareSocket.upgraded(gateway.port(), "prod");
        String id = connectionId();

        socket.close();

        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1006);
    }

    @Test
    void idleTimeout_closesWithGoingAway() throws Exception {
        start(EmulatorSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofHours(2)));
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        assertThat(client.closeCode()).isEqualTo(1001);
        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1001);
    }

    @Test
    void maximumDuration_closesAnActiveConnectionWithGoingAway() throws Exception {
        start(EmulatorSettings.defaults().withTimeouts(Duration.ofMinutes(10), Duration.ofMillis(500)));
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        String id = connectionId();

        assertThat(client.closeCode()).isEqualTo(1001);
        assertThat(handlers.disconnectOf(id).getDisconnectReason()).isEqualTo("Going away");
    }

    @Test
    void shutdown_closesEverySocketAndRunsTheirDisconnect() throws Exception {
        start(EmulatorSettings.defaults());
        List<WebSocketTestClient> clients = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(WebSocketTestClient.connect(gateway.webSocketUri()));
            ids.add(connectionId());
        }

        gateway.close();

        assertThat(gateway.openConnections()).isZero();
        for (WebSocketTestClient client : clients) {
            assertThat(client.closeCode()).isEqualTo(1001);
        }
        for (String id : ids) {
            assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1001);
        }
    }

    private void start(EmulatorSettings settings) throws InterruptedException {
        gateway = ApiGatewayEmulator.start(settings.withPort(0), TestRoutes.table(), handlers);
    }

    private String connectionId() throws InterruptedException {
        return handlers.next(Route.CONNECT).getRequestContext().getConnectionId();
    }
}
