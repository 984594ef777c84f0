package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.WebSocketTestClient;

/** The WebSocket side against the JDK's client on loopback: the handshake, the events and the message routing. */
class LocalGatewayIT {
    private final ScriptedHandlers handlers = new ScriptedHandlers();
    private ApiGatewayEmulator gateway;

    @BeforeEach
    void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), TestRoutes.table(), handlers);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void refusingConnect_refusesTheUpgradeWithItsStatusAndBody() {
        assertThatThrownBy(() -> WebSocketTestClient.connect(uri("?refuse=nope")))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    var response = ((WebSocketHandshakeException) e).getResponse();
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(String.valueOf(response.body())).contains("Unauthorized: nope");
                });
    }

    @Test
    void subprotocolReturnedByConnect_isEchoed() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri("?protocol=token.abc"), "herald", "token.abc");

        assertThat(client.protocol()).isEqualTo("token.abc");
        client.close(1000, "");
    }

    @Test
    void subprotocolOfferedButNotReturned_failsTheHandshake_andRunsDisconnect() throws Exception {
        assertThatThrownBy(() -> WebSocketTestClient.connect(uri(""), "herald"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);

        String connectionId = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();
        assertThat(handlers.disconnectOf(connectionId)).isNotNull();
    }

    @Test
    void connectEvent_carriesEveryRequestContextFieldAndTheHeadersAndQuery() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri("?a=1&a=2&b=x"));
        APIGatewayV2WebSocketEvent event = handlers.next(Route.CONNECT);
        RequestContext context = event.getRequestContext();

        assertThat(context.getEventType()).isEqualTo("CONNECT");
        assertThat(context.getConnectionId()).matches("[A-Za-z0-9_-]{15}=");
        assertThat(context.getRequestTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.getRequestTimeEpoch()).isGreaterThanOrEqualTo(context.getConnectedAt());
        assertThat(context.getStage()).isEqualTo("prod");
        assertThat(context.getApiId()).isEqualTo("localapi01");
        assertThat(context.getDomainName()).isEqualTo("localhost:" + gateway.port());
        assertThat(context.getMessageDirection()).isEqualTo("IN");
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getExtendedRequestId()).isNotBlank();
        assertThat(context.getMessageId()).isNull();
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getIdentity().getUserAgent()).isEqualTo("herald-test");
        assertThat(event.getHeaders()).containsKeys("Sec-WebSocket-Key", "X-Forwarded-For", "X-Forwarded-Proto");
        assertThat(event.getMultiValueHeaders()).containsKey("Sec-WebSocket-Version");
        assertThat(event.getQueryStringParameters()).containsEntry("a", "2").containsEntry("b", "x");
        assertThat(event.getMultiValueQueryStringParameters().get("a")).containsExactly("1", "2");
        client.close(1000, "");
    }

    @Test
    void jsonMessage_goesToTheRouteItsActionNames_withAMessageEvent() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));
        String connectionId = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

        client.send("{\"action\":\"shout\",\"x\":1}");
        APIGatewayV2WebSocketEvent event = handlers.next("shout");

        assertThat(event.getBody()).isEqualTo("{\"action\":\"shout\",\"x\":1}");
        assertThat(event.isIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getEventType()).isEqualTo("MESSAGE");
        assertThat(event.getRequestContext().getMessageId()).isNotBlank();
        assertThat(event.getRequestContext().getConnectionId()).isEqualTo(connectionId);
        client.close(1000, "");
    }

    @Test
    void nonJsonUnmatchedOrReservedKeys_goToDefault() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));

        for (String body : new String[] {"not json", "{\"action\":\"nope\"}", "{\"action\":\"$disconnect\"}", "[1]"}) {
            client.send(body);
            assertThat(handlers.next(Route.DEFAULT).getBody()).isEqualTo(body);
        }
        client.close(1000, "");
    }

    @Test
    void binaryMessage_closesWith1003AndRunsDisconnect_asApiGatewayRejectsInboundBinaryFrames() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));
        String connectionId = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

        client.sendBinary(new byte[] {0, 1, 2, (byte) 255});

        assertThat(client.closeCode()).isEqualTo(1003);
        assertThat(handlers.disconnectOf(connectionId).getDisconnectStatusCode()).isEqualTo(1003);
    }

    @Test
    void twoWayRoute_sendsTheFunctionsBodyBack_andFailuresAnswerLikeApiGateway() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));

        client.send("{\"action\":\"echo\"}");
        assertThat(client.next()).isEqualTo("{\"action\":\"echo\"}");
        client.send("{\"action\":\"fail\"}");
        assertThat(client.next()).contains("\"message\": \"Internal server error\"", "\"requestId\"");
        client.send("{\"action\":\"slow\"}");
        assertThat(client.next()).contains("\"message\": \"Endpoint request timed out\"");
        client.close(1000, "");
    }

    @Test
    void fragmentedMessageUpTo128KB_isReassembled() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));
        String part = "x".repeat(30 * 1024);

        for (int i = 0; i < 3; i++) {
            client.sendFragment(part, false).join();
        }
        client.send("{\"action\":\"echo\"}".repeat(1));

        assertThat(handlers.next(Route.DEFAULT).getBody()).hasSize(3 * part.length() + 17);
        client.close(1000, "");
    }

    @Test
    void messageOver128KB_closesWith1009() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(uri(""));
        String connectionId = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();
        String part = "y".repeat(30 * 1024);

        // Each send must finish before the next: the JDK's WebSocket fails (does not queue) a send made while another
        // is pending, so without the wait a part could be dropped and the message never pass 128 KB. The last send
        // may fail instead, if the gateway's close overtakes it.
        for (int i = 0; i < 5; i++) {
            client.sendFragment(part, i == 4).handle((socket, failure) -> socket).join();
        }

        assertThat(client.closeCode()).isEqualTo(1009);
        assertThat(handlers.disconnectOf(connectionId).getDisconnectStatusCode()).isEqualTo(1009);
    }

    @Test
    void frameOver32KB_closesWith1009_andDisconnectReports1009() throws Exception {
        try (BareSocket socket = BareSocket.upgraded(gateway.port(), "prod")) {
            String connectionId = handlers.next(Route.CONNECT).getRequestContext().getConnectionId();

            socket.sendTextFrame(utf8("z".repeat(40 * 1024)));

            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
            assertThat(handlers.disconnectOf(connectionId).getDisconnectStatusCode()).isEqualTo(1009);
        }
    }

    private URI uri(String query) {
        return URI.create(gateway.webSocketUri() + query);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
