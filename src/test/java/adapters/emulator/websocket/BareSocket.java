package adapters.emulator.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare TCP socket on loopback that speaks just enough HTTP and WebSocket by hand to break their rules, which no
 * client library will do (testsupport.WebSocketTestClient is the tests' client): malformed upgrades, headers sent a
 * byte at a time, frames over 32 KB or of any opcode, a vanishing act without a close frame. Every read gives up after
 * 10 s, so a test that waits for the gateway to do something fails instead of hanging.
 */
final class BareSocket implements AutoCloseable {
    static final String UPGRADE = "GET /%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** An HTTP response as read off the wire; header names in lower case. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private BareSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A socket that has sent nothing yet. */
    static BareSocket raw(int port) throws IOException {
        return new BareSocket(port);
    }

    /** A socket upgraded to a WebSocket on the stage with a well-formed handshake; throws if it is refused. */
    static BareSocket upgraded(int port, String stage) throws IOException {
        BareSocket socket = new BareSocket(port);
        socket.send(String.format(UPGRADE, stage, port));
        Response response = socket.readResponse();
        if (response.status() != 101) {
            socket.close();
            throw new IOException("handshake refused: " + response);
        }
        return socket;
    }

    void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Tells the gateway nothing more is coming (a TCP half-close), as a client that is done sending does. */
    void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one HTTP response: the status line, the headers, and a body of its Content-Length. */
    Response readResponse() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    /** Sends one final text frame (masked with a zero key, as a client must mask). */
    void sendTextFrame(byte[] payload) throws IOException {
        sendFrame(0x1, true, payload);
    }

    /** Sends one frame with this opcode, masked with a zero key. */
    void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        frame.write(new byte[4]);
        frame.write(payload);
        send(frame.toByteArray());
    }

    /** Reads frames until a close frame and returns its status code. */
    int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            int length = in.readUnsignedByte() & 0x7f;
            long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
            byte[] payload = in.readNBytes((int) size);
            if (opcode == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    /** Reads and drops whatever comes until the gateway closes the socket; fails if it is still open after 10 s. */
    void awaitClosedByGateway() throws IOException {
        try {
            while (in.read(new byte[4096]) != -1) {
                continue;
            }
        } catch (SocketException reset) {
            // A reset is the gateway closing too.
        }
    }

    /** Drops the TCP connection without a close frame, like a client losing its network. */
    @Override
    public void close() throws IOException {
        if (!socket.isClosed()) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next == -1) {
                throw new EOFException("the gateway closed the socket after: " + head);
            }
            head.append((char) next);
        }
        return head.substring(0, head.length() - 4);
    }
}
