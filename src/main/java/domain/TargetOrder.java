package domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs the messages of a batch on an executor all at once, except that a message waits until the last one before it
 * to the same target is decided; a malformed message, which has no target, waits for none. Starts nothing more once a
 * message has failed unexpectedly: on a same-thread executor that is at once, as when a Notifier crashes.
 */
final class TargetOrder {
    private static final CompletableFuture<HandledMessage> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

    private TargetOrder() {
    }

    /** Starts deciding each message; returns the decisions started, in batch order. */
    static List<CompletableFuture<HandledMessage>> start(List<InboundMessage> batch,
                                                         Function<InboundMessage, HandledMessage> decide, Executor executor) {
        Map<Target, CompletableFuture<HandledMessage>> lastTo = new HashMap<>();
        List<CompletableFuture<HandledMessage>> decisions = new ArrayList<>(batch.size());
        for (InboundMessage message : batch) {
            Optional<Target> target = targetOf(message);
            CompletableFuture<HandledMessage> decision = target.map(lastTo::get).orElse(NOTHING_BEFORE)
                    .thenApplyAsync(before -> decide.apply(message), executor);
            target.ifPresent(to -> lastTo.put(to, decision));
            decisions.add(decision);
            if (decision.isCompletedExceptionally()) {
                break;
            }
        }
        return decisions;
    }

    /** Waits until every decision is done, failed ones too, so that no message is still pushing once a batch is told. */
    static void awaitAll(List<CompletableFuture<HandledMessage>> decisions) {
        CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).handle((all, failure) -> null).join();
    }

    /** The decided message; one that failed unexpectedly (a bug, or the simulation's crash) throws what it failed with. */
    static HandledMessage outcome(CompletableFuture<HandledMessage> decision) {
        try {
            return decision.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Optional<Target> targetOf(InboundMessage message) {
        return message.content() instanceof ParseResult.Parsed parsed
                ? Optional.of(parsed.notification().target())
                : Optional.empty();
    }
}
