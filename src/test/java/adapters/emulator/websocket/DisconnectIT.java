package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        Client client = Client.open(gateway.webSocketUri());
        String id = connectionId();

        client.socket.sendClose(4000, "bye").join();

        DisconnectRequestContext context = handlers.disconnectOf(id);
        assertThat(context.getDisconnectStatusCode()).isEqualTo(4000);
        assertThat(context.getDisconnectReason()).isEqualTo("bye");
        assertThat(context.getEventType()).isEqualTo("DISCONNECT");
        assertThat(client.closeCode()).isEqualTo(4000);
    }

    @Test
    void droppedTcp_reports1006() throws Exception {
        start(EmulatorSettings.defaults());
        RawClient client = new RawClient(gateway.port(), "prod");
        String id = connectionId();

        client.close();

        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1006);
    }

    @Test
    void idleTimeout_closesWithGoingAway() throws Exception {
        start(EmulatorSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofHours(2)));
        Client client = Client.open(gateway.webSocketUri());
        String id = connectionId();

        assertThat(client.closeCode()).isEqualTo(1001);
        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1001);
    }

    @Test
    void maximumDuration_closesAnActiveConnectionWithGoingAway() throws Exception {
        start(EmulatorSettings.defaults().withTimeouts(Duration.ofMinutes(10), Duration.ofMillis(500)));
        Client client = Client.open(gateway.webSocketUri());
        String id = connectionId();

        assertThat(client.closeCode()).isEqualTo(1001);
        assertThat(handlers.disconnectOf(id).getDisconnectReason()).isEqualTo("Going away");
    }

    @Test
    void shutdown_closesEverySocketAndRunsTheirDisconnect() throws Exception {
        start(EmulatorSettings.defaults());
        List<Client> clients = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(Client.open(gateway.webSocketUri()));
            ids.add(connectionId());
        }

        gateway.close();

        assertThat(gateway.openConnections()).isZero();
        for (Client client : clients) {
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
