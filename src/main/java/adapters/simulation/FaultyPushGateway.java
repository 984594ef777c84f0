package adapters.simulation;

import adapters.memory.InMemoryPushGateway;
import domain.ConnectionId;
import domain.PushResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.inject.Inject;
import ports.PushGateway;

/** The in-memory gateway, with throttling bursts, transient failures and crashes injected per the plan. */
public final class FaultyPushGateway implements PushGateway {
    private final InMemoryPushGateway sockets;
    private final FaultPlan plan;
    private final Ledger ledger;

    @Inject
    public FaultyPushGateway(InMemoryPushGateway sockets, FaultPlan plan, Ledger ledger) {
        this.sockets = sockets;
        this.plan = plan;
        this.ledger = ledger;
    }

    @Override
    public CompletionStage<PushResult> push(ConnectionId id, String payload) {
        ledger.pushing(id);
        if (plan.crashOnNextPush()) {
            ledger.note("CRASH of the notifier while pushing to " + id);
            throw new SimulatedCrash();
        }
        PushResult result;
        if (plan.throttleNextPush()) {
            result = PushResult.THROTTLED;
        } else if (plan.failNextPush()) {
            result = PushResult.FAILED;
        } else {
            result = sockets.push(id, payload).toCompletableFuture().join();
        }
        ledger.answered(id, result);
        return CompletableFuture.completedFuture(result);
    }
}
