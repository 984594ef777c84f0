package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import testsupport.WebSocketTestClient;

/**
 * What a hostile client can send on loopback with a raw socket, and what it gets: a malformed upgrade is refused with
 * RFC 6455's or API Gateway's status before {@code $connect} runs, so it leaves no record; oversized headers and URLs
 * get 431 and 414; an upgrade that fails after {@code $connect} accepted it runs {@code $disconnect}.
 */
class HostileClientsIT {
    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private ApiGatewayEmulator gateway;

    @BeforeEach
    void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), TestRoutes.table(), handlers,
                new OneEndpoint("/tools/hello"));
    }

    @AfterEach
    void stop() {
        handlers.releaseHeldConnects();
        gateway.close();
    }

    static Stream<Arguments> malformedUpgrades() {
        String host = "Host: 127.0.0.1\r\n";
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
        String version = "Sec-WebSocket-Version: 13\r\n";
        return Stream.of(
                Arguments.of("no key", "GET /prod HTTP/1.1\r\n" + host + upgrade + version + "\r\n", 400),
                Arguments.of("a key of 15 bytes", "GET /prod HTTP/1.1\r\n" + host + upgrade
                        + "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA\r\n" + version + "\r\n", 400),
                Arguments.of("a key that is not base64", "GET /prod HTTP/1.1\r\n" + host + upgrade
                        + "Sec-WebSocket-Key: not*base64*at*all*!!!!==\r\n" + version + "\r\n", 400),
                Arguments.of("two keys", "GET /prod HTTP/1.1\r\n" + host + upgrade + KEY + KEY + version + "\r\n", 400),
                Arguments.of("POST", "POST /prod HTTP/1.1\r\n" + host + upgrade + KEY + version
                        + "Content-Length: 0\r\n\r\n", 400),
                Arguments.of("HTTP/1.0", "GET /prod HTTP/1.0\r\n" + host + upgrade + KEY + version + "\r\n", 400),
                Arguments.of("no Connection: Upgrade", "GET /prod HTTP/1.1\r\n" + host + "Upgrade: websocket\r\n" + KEY
                        + version + "\r\n", 400),
                Arguments.of("no Host", "GET /prod HTTP/1.1\r\n" + upgrade + KEY + version + "\r\n", 400),
                Arguments.of("a body", "GET /prod HTTP/1.1\r\n" + host + upgrade + KEY + version
                        + "Content-Length: 5\r\n\r\nhello", 400),
                Arguments.of("version 8", "GET /prod HTTP/1.1\r\n" + host + upgrade + KEY
                        + "Sec-WebSocket-Version: 8\r\n\r\n", 426),
                Arguments.of("no version", "GET /prod HTTP/1.1\r\n" + host + upgrade + KEY + "\r\n", 426));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUpgrades")
    void malformedUpgrade_isRefusedWithJson_andConnectNeverRuns(String what, String request, int status)
            throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send(request);
            BareSocket.Response response = socket.readResponse();

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.headers()).containsEntry("content-type", "application/json");
            assertThat(response.body()).startsWith("{\"message\":");
            if (status == 426) {
                assertThat(response.headers()).containsEntry("sec-websocket-version", "13");
            }
            socket.awaitClosedByGateway();
        }
        assertTheNextConnectIsAWellBehavedClients();
    }

    @Test
    void headersOver10KB_get431() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("GET /prod HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\n");

            BareSocket.Response response = socket.readResponse();

            assertThat(response.status()).isEqualTo(431);
            assertThat(response.headers()).containsEntry("content-type", "application/json");
        }
        assertTheNextConnectIsAWellBehavedClients();
    }

    @Test
    void urlsOver4096Characters_get414_andOneOfExactly4096IsServed() throws Exception {
        String path = "/prod?pad=";
        for (int length : new int[] {4097, 5000, 64 * 1024}) {
            try (BareSocket socket = BareSocket.raw(gateway.port())) {
                socket.send("GET " + path + "x".repeat(length - path.length()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + KEY + "Sec-WebSocket-Version: 13\r\n\r\n");

                assertThat(socket.readResponse().status()).as("a URL of %d characters", length).isEqualTo(414);
            }
        }
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("GET " + path + "x".repeat(4096 - path.length()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + KEY + "Sec-WebSocket-Version: 13\r\n\r\n");

            assertThat(socket.readResponse().status()).isEqualTo(101);
        }
    }

    @Test
    void garbageInsteadOfARequest_gets400AndTheSocketIsClosed() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003 hello there\r\n\r\n");

            assertThat(socket.readResponse().status()).isEqualTo(400);
            socket.awaitClosedByGateway();
        }
    }

    @Test
    void connectChoosingAProtocolTheClientDidNotOffer_refusesTheUpgrade_andRunsDisconnect() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send(String.format(BareSocket.UPGRADE, "prod?protocol=chosen", gateway.port()));

            BareSocket.Response response = socket.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("chosen");
        }
        String id = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();
        assertThat(handlers.disconnectOf(id)).isNotNull();
        assertThat(handlers.recordedConnections()).isEmpty();
    }

    @Test
    void clientThatVanishesWhileConnectRuns_getsItsDisconnectOnceConnectAccepts() throws Exception {
        BareSocket socket = BareSocket.raw(gateway.port());
        socket.send(String.format(BareSocket.UPGRADE, "prod?hold-connect", gateway.port()));
        String id = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

        socket.close();
        handlers.releaseHeldConnects();

        assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1006);
        assertThat(handlers.recordedConnections()).isEmpty();
    }

    @Test
    void textThatIsNotUtf8_closesWith1007_andDisconnectReportsIt() throws Exception {
        try (BareSocket socket = BareSocket.upgraded(gateway.port(), "prod")) {
            String id = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

            socket.sendTextFrame(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

            assertThat(socket.awaitCloseCode()).isEqualTo(1007);
            assertThat(handlers.disconnectOf(id).getDisconnectStatusCode()).isEqualTo(1007);
        }
    }

    @Test
    void connectionsPostDeclaringAHugeBody_gets413PayloadTooLarge_beforeSendingAByteOfIt() throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("POST /prod/@connections/AAAAAAAAAAAAAAA= HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 1000000000000\r\n\r\n");

            BareSocket.Response response = socket.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.headers()).containsEntry("x-amzn-errortype", "PayloadTooLargeException")
                    .containsEntry("content-type", "application/json");
        }
    }

    @Test
    void anExtensionCalledFromAnotherSitesPage_isRefused_andFromTheGatewaysOwnPageAnswered() throws Exception {
        for (String origin : new String[] {"http://evil.example:" + gateway.port(), "null"}) {
            try (BareSocket socket = BareSocket.raw(gateway.port())) {
                socket.send("POST /tools/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin
                        + "\r\nContent-Length: 2\r\n\r\n{}");

                assertThat(socket.readResponse().status()).as(origin).isEqualTo(403);
            }
        }
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            socket.send("POST /tools/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:" + gateway.port()
                    + "\r\nContent-Length: 2\r\n\r\n{}");

            assertThat(socket.readResponse()).satisfies(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"hello\":true}");
            });
        }
    }

    /** An extension answering one path, standing for the local stack's development endpoints. */
    private record OneEndpoint(String path) implements HttpExtension {
        @Override
        public boolean handles(String requested) {
            return requested.equals(path);
        }

        @Override
        public Answer answer(String method, String requested, String body) {
            return new Answer(200, "{\"hello\":true}");
        }
    }

    /** A malformed request must not have run $connect: the next $connect the handlers see is a good client's. */
    private void assertTheNextConnectIsAWellBehavedClients() throws InterruptedException {
        WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUri());
        assertThat(handlers.next(Route.CONNECT).getRequestContext().getIdentity().getUserAgent())
                .isEqualTo(WebSocketTestClient.USER_AGENT);
        client.close(1000, "");
    }
}
