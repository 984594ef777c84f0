package adapters.simulation;

import adapters.memory.InMemoryConnectionRepository;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.ConnectionRepositoryException;
import domain.Recipient;
import domain.Target;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import ports.ConnectionRepository;

/** The in-memory store, failing an operation now and then per the plan, as a throttled or unreachable table would. */
public final class FaultyConnectionRepository implements ConnectionRepository {
    private final InMemoryConnectionRepository store;
    private final FaultPlan plan;
    private final Ledger ledger;

    @Inject
    public FaultyConnectionRepository(InMemoryConnectionRepository store, FaultPlan plan, Ledger ledger) {
        this.store = store;
        this.plan = plan;
        this.ledger = ledger;
    }

    @Override
    public void save(Connection connection) {
        call("save " + connection.id(), () -> {
            store.save(connection);
            return null;
        });
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return call("find " + id, () -> store.find(id));
    }

    @Override
    public boolean subscribe(ConnectionId id, ClaimId claim) {
        return call("subscribe " + id + " to " + claim, () -> store.subscribe(id, claim));
    }

    @Override
    public void unsubscribe(ConnectionId id, ClaimId claim) {
        call("unsubscribe " + id + " from " + claim, () -> {
            store.unsubscribe(id, claim);
            return null;
        });
    }

    @Override
    public void remove(ConnectionId id) {
        call("remove " + id, () -> {
            store.remove(id);
            ledger.removed(id);
            return null;
        });
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        return call("query the audience of " + target, () -> store.audienceOf(target));
    }

    private <T> T call(String operation, Supplier<T> operationBody) {
        if (plan.failNextStoreCall()) {
            ledger.note("STORE FAILURE on " + operation);
            throw new ConnectionRepositoryException("injected failure on " + operation);
        }
        return operationBody.get();
    }
}
