package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import testsupport.WebSocketTestClient;

/**
 * Random and mutated upgrade requests, and random frames after a good upgrade, thrown at one gateway on loopback.
 * After each try: the gateway closed the hostile socket once it finished sending, still answers a well-behaved client,
 * and every connection {@code $connect} accepted has had its {@code $disconnect} (no record outlives its socket).
 * Tries are bounded so the property costs seconds; a failure is shrunk to the smallest request or frame that shows it.
 */
class HostileTrafficIT {
    private static final ScriptedHandlers HANDLERS = new ScriptedHandlers();
    private static ApiGatewayEmulator gateway;
    private static WebSocketTestClient bystander;
    private static String bystanderId;
    private static int round;

    @BeforeContainer
    static void start() throws InterruptedException {
        gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0)
                .withHandshakeTimeout(Duration.ofSeconds(2)), TestRoutes.table(), HANDLERS);
        bystander = WebSocketTestClient.connect(gateway.webSocketUri());
        bystanderId = HANDLERS.next(Route.CONNECT).getRequestContext().getConnectionId();
    }

    @AfterContainer
    static void stop() {
        gateway.close();
    }

    @Property(tries = 250)
    void anyUpgradeRequest_leavesTheGatewayHealthyAndNoRecordBehind(@ForAll("requests") Request request)
            throws Exception {
        try (BareSocket socket = BareSocket.raw(gateway.port())) {
            sendUntilHungUpOn(socket, List.of(request.bytes()));
            socket.awaitClosedByGateway();
        }
        assertHealthyWithNoRecordBehind();
    }

    @Property(tries = 150)
    void anyFramesAfterAGoodUpgrade_leaveTheGatewayHealthyAndNoRecordBehind(
            @ForAll("frames") List<RawFrame> frames) throws Exception {
        try (BareSocket socket = BareSocket.upgraded(gateway.port(), "prod")) {
            sendUntilHungUpOn(socket, frames.stream().map(RawFrame::encode).toList());
            socket.awaitClosedByGateway();
        }
        assertHealthyWithNoRecordBehind();
    }

    /** Sends each part, then says it is done; the gateway may hang up first, which is its right. */
    private static void sendUntilHungUpOn(BareSocket socket, List<byte[]> parts) {
        try {
            for (byte[] part : parts) {
                socket.send(part);
            }
            socket.finishSending();
        } catch (IOException hungUp) {
            // The gateway closed the socket before reading everything: a refusal, not a failure.
        }
    }

    private static void assertHealthyWithNoRecordBehind() throws InterruptedException {
        String ping = "{\"action\":\"echo\",\"round\":" + ++round + "}";
        bystander.send(ping);
        assertThat(bystander.await(ping::equals, Duration.ofSeconds(10))).isEqualTo(ping);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!HANDLERS.recordedConnections().equals(Set.of(bystanderId)) || gateway.openConnections() != 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("records left behind: " + HANDLERS.recordedConnections() + " besides "
                        + bystanderId + "; open connections: " + gateway.openConnections());
            }
            Thread.sleep(10);
        }
    }

    /** Bytes sent as an HTTP request; shown as text when a try fails. */
    record Request(String text) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** One edit to the lines of a well-formed upgrade, named for the report of a failing try. */
    record Mutation(String name, UnaryOperator<List<String>> edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> mutated = mutations().list().ofMaxSize(4).map(edits -> {
            List<String> lines = wellFormedUpgrade();
            for (Mutation edit : edits) {
                lines = edit.edit().apply(lines);
            }
            return String.join("\r\n", lines) + "\r\n\r\n";
        });
        Arbitrary<String> cut = Combinators.combine(mutated, Arbitraries.integers().between(0, 400))
                .as((text, at) -> text.substring(0, Math.min(at, text.length())));
        Arbitrary<String> noise = nasty().ofMaxLength(2048);
        return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(2, cut), Tuple.of(2, noise))
                .map(Request::new);
    }

    private static List<String> wellFormedUpgrade() {
        return new ArrayList<>(List.of("GET /prod?x=1 HTTP/1.1", "Host: 127.0.0.1:" + gateway.port(),
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: herald, a.token.here"));
    }

    private Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> line = Arbitraries.integers().between(0, 7);
        Arbitrary<String> text = nasty().ofMaxLength(40);
        return Arbitraries.oneOf(
                line.map(i -> new Mutation("drop line " + i, lines -> without(lines, i))),
                line.map(i -> new Mutation("repeat line " + i, lines -> repeated(lines, i))),
                Combinators.combine(line, text).as((i, value) -> new Mutation("value of line " + i + " = " + value,
                        lines -> withValue(lines, i, value))),
                Combinators.combine(line, text).as((i, value) -> new Mutation("insert line " + value + " at " + i,
                        lines -> inserted(lines, i, value))),
                Arbitraries.of("POST /prod HTTP/1.1", "GET /prod HTTP/1.0", "GET /prod HTTP/2.0", "GET /prod",
                        "GET /dev HTTP/1.1", "GET /prod/@connections/AAAAAAAAAAAAAAA= HTTP/1.1", "GET / HTTP/1.1",
                        "OPTIONS * HTTP/1.1", "GET /prod?" + "q".repeat(5000) + " HTTP/1.1", "G\u0000T /prod HTTP/1.1")
                        .map(first -> new Mutation("request line " + first, lines -> withLine(lines, 0, first))),
                Arbitraries.of("Sec-WebSocket-Version: 8", "Sec-WebSocket-Key: c2hvcnQ=", "Content-Length: 3",
                        "Transfer-Encoding: chunked", "Connection: close", "Sec-WebSocket-Protocol: a.token.here",
                        "Sec-WebSocket-Extensions: permessage-deflate", "X-Big: " + "b".repeat(12_000))
                        .map(header -> new Mutation("add " + header, lines -> inserted(lines, 1, header))));
    }

    @Provide
    Arbitrary<List<RawFrame>> frames() {
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("{\"action\":\"echo\"}", "{\"action\":\"shout\"}", "not json", "{\"action\":")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Long> declaredExtra = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(1, 100)), Tuple.of(1, Arbitraries.of(40_000L, 1L << 33,
                Long.MAX_VALUE - 1_000)));
        Arbitrary<Boolean> mostly = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        Arbitrary<Integer> rsv = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 7)));
        Arbitrary<Integer> opcode = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0x1)),
                Tuple.of(1, Arbitraries.integers().between(0, 15)));
        Arbitrary<RawFrame> frame = Combinators.combine(mostly, rsv, opcode, mostly, payload, declaredExtra)
                .as(RawFrame::new);
        return frame.list().ofMinSize(1).ofMaxSize(3);
    }

    /** A frame as a client could put it on the wire, including lies about its length and an unmasked payload. */
    record RawFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload, long declaredExtra) {
        byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
            long length = payload.length + declaredExtra;
            int mask = masked ? 0x80 : 0;
            if (length < 126) {
                out.write(mask | (int) length);
            } else if (length < 65_536) {
                out.write(mask | 126);
                out.write((int) (length >>> 8) & 0xff);
                out.write((int) length & 0xff);
            } else {
                out.write(mask | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (length >>> shift) & 0xff);
                }
            }
            if (masked) {
                out.writeBytes(new byte[4]);
            }
            out.writeBytes(payload);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "RawFrame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", masked=" + masked + ", payload="
                    + new String(payload, StandardCharsets.ISO_8859_1) + ", declaredExtra=" + declaredExtra + "]";
        }
    }

    /** Text a hostile client likes: printable ASCII with CR, LF, NUL, tabs, colons, commas and bytes over 0x7f. */
    private static StringArbitrary nasty() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\r', '\n', '\0', '\t', ':', ',')
                .withCharRange('\u0080', '\u00ff');
    }

    private static List<String> without(List<String> lines, int i) {
        List<String> edited = new ArrayList<>(lines);
        if (i < edited.size()) {
            edited.remove(i);
        }
        return edited;
    }

    private static List<String> repeated(List<String> lines, int i) {
        List<String> edited = new ArrayList<>(lines);
        if (i < edited.size()) {
            edited.add(i, edited.get(i));
        }
        return edited;
    }

    private static List<String> withValue(List<String> lines, int i, String value) {
        if (i >= lines.size() || !lines.get(i).contains(":")) {
            return lines;
        }
        String line = lines.get(i);
        return withLine(lines, i, line.substring(0, line.indexOf(':') + 1) + " " + value);
    }

    private static List<String> withLine(List<String> lines, int i, String line) {
        List<String> edited = new ArrayList<>(lines);
        if (i < edited.size()) {
            edited.set(i, line);
        }
        return edited;
    }

    private static List<String> inserted(List<String> lines, int i, String line) {
        List<String> edited = new ArrayList<>(lines);
        edited.add(Math.min(i, edited.size()), line);
        return edited;
    }
}
