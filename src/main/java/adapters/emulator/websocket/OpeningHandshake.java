package adapters.emulator.websocket;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6455's opening handshake (section 4.2.1), checked before {@code $connect} runs, so a request that could never
 * become a WebSocket costs no integration call and leaves no record: a GET over HTTP/1.1 or later, one {@code Host},
 * {@code Upgrade: websocket}, {@code Connection: Upgrade}, one {@code Sec-WebSocket-Key} of 16 bytes in base64,
 * no body; then {@code Sec-WebSocket-Version: 13}, the only version API Gateway speaks (section 4.4: 426 names it).
 */
final class OpeningHandshake {
    static final String VERSION = "13";

    /** Why the gateway refuses the upgrade, as the status and message a client sees. */
    record Refusal(int status, String message) {
    }

    private OpeningHandshake() {
    }

    static Optional<Refusal> refusal(FullHttpRequest request) {
        HttpHeaders headers = request.headers();
        if (!request.method().equals(HttpMethod.GET)) {
            return badRequest("a WebSocket upgrade is a GET request");
        }
        if (!atLeastHttp11(request.protocolVersion())) {
            return badRequest("a WebSocket upgrade needs HTTP/1.1 or later");
        }
        if (headers.getAll(HttpHeaderNames.HOST).size() != 1 || headers.get(HttpHeaderNames.HOST).isBlank()) {
            return badRequest("send exactly one Host header");
        }
        if (!headers.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)) {
            return badRequest("a WebSocket upgrade needs Connection: Upgrade");
        }
        if (!validKey(headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY))) {
            return badRequest("send exactly one Sec-WebSocket-Key: 16 random bytes in base64");
        }
        if (request.content().isReadable() || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return badRequest("a WebSocket upgrade has no body");
        }
        if (!List.of(VERSION).equals(headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            return Optional.of(new Refusal(426, "Upgrade Required: this API speaks Sec-WebSocket-Version " + VERSION));
        }
        return Optional.empty();
    }

    private static boolean atLeastHttp11(HttpVersion version) {
        return version.majorVersion() > 1 || version.majorVersion() == 1 && version.minorVersion() >= 1;
    }

    private static boolean validKey(List<String> keys) {
        if (keys.size() != 1) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(keys.get(0).trim()).length == 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static Optional<Refusal> badRequest(String why) {
        return Optional.of(new Refusal(400, "Bad Request: " + why));
    }
}
