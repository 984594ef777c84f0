package adapters.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw capacity of the local @connections endpoint: one POST per connection id with {@code inFlight} requests
 * open at once, as fast as the endpoint answers; no SDK, no signing, no domain. What the Notifier's fan-out is
 * compared with.
 */
final class RawPosts {
    /** How many POSTs answered 200, and how many did not. */
    record Outcome(long ok, long refused, long elapsedNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI management;

    /** {@code management} is the stage URL, e.g. http://localhost:3001/prod. */
    RawPosts(URI management) {
        this.management = management;
    }

    Outcome postToEach(List<String> connectionIds, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        LongAdder ok = new LongAdder();
        LongAdder refused = new LongAdder();
        long start = System.nanoTime();
        CompletableFuture<?>[] posts = new CompletableFuture<?>[connectionIds.size()];
        for (int i = 0; i < connectionIds.size(); i++) {
            permits.acquire();
            String body = "{\"data\":" + Producer.stamped(System.nanoTime(), i) + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(management + "/@connections/" + connectionIds.get(i)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            posts[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                (failure == null && response.statusCode() == 200 ? ok : refused).increment();
                permits.release();
            });
        }
        CompletableFuture.allOf(posts).exceptionally(failure -> null).join();
        return new Outcome(ok.sum(), refused.sum(), System.nanoTime() - start);
    }
}
