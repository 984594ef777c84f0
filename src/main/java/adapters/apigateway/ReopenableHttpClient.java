package adapters.apigateway;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The @connections client's HTTP client, closed before a SnapStart snapshot and opened again for the next request:
 * a pooled connection captured in the snapshot is a dead socket in every restored copy, and the CRT pool has no call
 * to drop only its idle connections. The SDK client around it stays as it is, with its signer and configuration.
 */
public final class ReopenableHttpClient implements SdkAsyncHttpClient, Resource {
    private final Supplier<SdkAsyncHttpClient> opener;
    private SdkAsyncHttpClient current;

    ReopenableHttpClient(Supplier<SdkAsyncHttpClient> opener) {
        this.opener = opener;
        this.current = opener.get();
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        return open().execute(request);
    }

    @Override
    public String clientName() {
        return open().clientName();
    }

    /** Closes the pool and its connections; the next request opens a new one. */
    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context) {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Opens the pool now, so that the first request after the restore does not pay for it. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        open();
    }

    @Override
    public synchronized void close() {
        beforeCheckpoint(null);
    }

    private synchronized SdkAsyncHttpClient open() {
        if (current == null) {
            current = opener.get();
        }
        return current;
    }
}
