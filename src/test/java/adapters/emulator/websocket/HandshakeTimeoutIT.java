package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.WebSocketTestClient;

/**
 * Sockets that hold the gateway without finishing a request are closed after the handshake timeout (here 500 ms, so
 * the tests are quick; each waits for the close itself, up to BareSocket's 10 s, and asserts no duration).
 */
class HandshakeTimeoutIT {
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private final ExecutorService slowSender = Executors.newSingleThreadExecutor();
    private ApiGatewayEmulator gateway;

    @BeforeEach
    void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0)
                .withHandshakeTimeout(Duration.ofMillis(500)), TestRoutes.table(), handlers);
    }

    @AfterEach
    void stop() {
        slowSender.shutdownNow();
        gateway.close();
    }

    @Test
    void socketThatSendsNothing_isClosed() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.awaitClosedByGateway();
        }
    }

    @Test
    void headersSentAByteAtATime_areCutOff() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            slowSender.execute(() -> dripHeaders(socket));

            socket.awaitClosedByGateway();
        }
        assertThat(handlers.recordedConnections()).isEmpty();
    }

    @Test
    void keptAliveConnectionThatGoesQuietAfterAnAnswer_isClosed() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("GET /prod/@connections/AAAAAAAAAAAAAAA= HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(410);

            socket.awaitClosedByGateway();
        }
    }

    @Test
    void anOpenWebSocket_isNotSubjectToTheHandshakeTimeout() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        handlers.next(Route.CONNECT);
        Thread.sleep(1_000);

        client.send("{\"action\":\"echo\"}");

        assertThat(client.next()).isEqualTo("{\"action\":\"echo\"}");
        client.close(1000, "");
    }

    /** An upgrade whose headers never end, one byte every 100 ms, until the gateway hangs up. */
    private static void dripHeaders(BareSocket socket) {
        try {
            socket.send("GET /prod HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            while (!Thread.currentThread().isInterrupted()) {
                socket.send("a");
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException closed) {
            // The gateway hung up, or the test ended.
        }
    }
}
