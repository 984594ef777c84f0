package adapters.memory;

import domain.ConnectionId;
import domain.Notification;
import domain.PushResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Singleton;
import ports.PushGateway;

/**
 * Open sockets in memory: a connection is open from {@link #open} to {@link #close}, and a push to
 * anything else is GONE, as API Gateway answers 410. Completes every push at once, on the caller's
 * thread, which keeps the simulation deterministic.
 */
@Singleton
public final class InMemoryPushGateway implements PushGateway {
    private final Map<ConnectionId, Consumer<String>> sockets = new ConcurrentHashMap<>();

    @Inject
    public InMemoryPushGateway() {
    }

    /** Opens a socket whose messages go to the receiver. */
    public void open(ConnectionId id, Consumer<String> receiver) {
        sockets.put(id, receiver);
    }

    /** Closes the socket; later pushes to it are GONE. */
    public void close(ConnectionId id) {
        sockets.remove(id);
    }

    public boolean isOpen(ConnectionId id) {
        return sockets.containsKey(id);
    }

    @Override
    public CompletionStage<PushResult> push(ConnectionId id, String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > Notification.MAX_PAYLOAD_BYTES) {
            return CompletableFuture.completedFuture(PushResult.TOO_LARGE);
        }
        Consumer<String> receiver = sockets.get(id);
        if (receiver == null) {
            return CompletableFuture.completedFuture(PushResult.GONE);
        }
        receiver.accept(payload);
        return CompletableFuture.completedFuture(PushResult.DELIVERED);
    }
}
