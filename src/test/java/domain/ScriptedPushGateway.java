package domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import ports.PushGateway;

/** A gateway whose answers per connection are scripted; unscripted pushes are delivered. Records every push. */
final class ScriptedPushGateway implements PushGateway {
    private final Map<ConnectionId, Deque<PushResult>> scripts = new HashMap<>();
    final List<ConnectionId> pushes = new ArrayList<>();

    ScriptedPushGateway answer(ConnectionId id, PushResult... results) {
        scripts.computeIfAbsent(id, key -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    @Override
    public synchronized CompletionStage<PushResult> push(ConnectionId id, String payload) {
        pushes.add(id);
        Deque<PushResult> script = scripts.get(id);
        PushResult result = script == null || script.isEmpty() ? PushResult.DELIVERED : script.poll();
        if (script != null && script.isEmpty()) {
            script.add(result);
        }
        return CompletableFuture.completedFuture(result);
    }

    long pushesTo(ConnectionId id) {
        return pushes.stream().filter(id::equals).count();
    }
}
