package adapters.emulator.websocket;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upgrade request as {@code $connect} sees it: headers (plus the {@code X-Forwarded-*} ones API Gateway adds)
 * and query parameters in single- and multi-value form; null where there are none, as AWS sends them.
 */
record HandshakeRequest(Map<String, List<String>> multiValueHeaders,
        Map<String, List<String>> multiValueQueryStringParameters, String sourceIp) {

    static HandshakeRequest of(FullHttpRequest request, InetSocketAddress remote, int localPort) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        String sourceIp = remote.getAddress().getHostAddress();
        headers.put("X-Forwarded-For", List.of(sourceIp));
        headers.put("X-Forwarded-Port", List.of(String.valueOf(localPort)));
        headers.put("X-Forwarded-Proto", List.of("http"));
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        return new HandshakeRequest(headers, query.isEmpty() ? null : new LinkedHashMap<>(query), sourceIp);
    }

    Map<String, String> headers() {
        return single(multiValueHeaders);
    }

    Map<String, String> queryStringParameters() {
        return multiValueQueryStringParameters == null ? null : single(multiValueQueryStringParameters);
    }

    String header(String name) {
        return multiValueHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(e.getValue().size() - 1)).findFirst().orElse(null);
    }

    /** Every value of a comma-separated header such as {@code Sec-WebSocket-Protocol}, in the order offered. */
    List<String> protocols(String name) {
        return multiValueHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    static Map<String, String> disconnectHeaders(String host) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("x-api-key", "");
        headers.put("X-Forwarded-For", "");
        headers.put("x-restapi", "");
        return headers;
    }

    static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        single.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }

    /** The last value of each name, as API Gateway fills {@code headers} and {@code queryStringParameters}. */
    private static Map<String, String> single(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        return single;
    }
}
