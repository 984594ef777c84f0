package adapters.apigateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * Counts the requests an SDK client sends, by the connection id that ends their path, where its HTTP client takes
 * them: every attempt, the SDK's own retries included, so a retry policy can be checked against a real gateway.
 */
final class SentRequests {
    private final Map<String, AtomicInteger> byConnection = new ConcurrentHashMap<>();

    SdkAsyncHttpClient countingThrough(SdkAsyncHttpClient http) {
        return new SdkAsyncHttpClient() {
            @Override
            public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                String path = request.request().encodedPath();
                String id = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), UTF_8);
                byConnection.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                return http.execute(request);
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    int to(String connectionId) {
        AtomicInteger count = byConnection.get(connectionId);
        return count == null ? 0 : count.get();
    }
}
