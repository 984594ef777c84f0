package adapters.simulation;

import adapters.memory.InMemoryNotificationHistory;
import domain.HistoryEntry;
import domain.HistoryUnavailableException;
import domain.Position;
import domain.Target;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.inject.Inject;
import ports.NotificationHistory;

/** The in-memory history, failing an operation now and then per the plan, as a throttled or unreachable table would. */
public final class FaultyNotificationHistory implements NotificationHistory {
    private final InMemoryNotificationHistory history;
    private final FaultPlan plan;
    private final Ledger ledger;

    @Inject
    public FaultyNotificationHistory(InMemoryNotificationHistory history, FaultPlan plan, Ledger ledger) {
        this.history = history;
        this.plan = plan;
        this.ledger = ledger;
    }

    @Override
    public void append(HistoryEntry entry) {
        call("append " + entry.notificationId() + " at " + entry.position(), () -> {
            history.append(entry);
            return null;
        });
    }

    @Override
    public List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now) {
        return call("read the history of " + target, () -> history.newestFrom(target, from, limit, now));
    }

    private <T> T call(String operation, Supplier<T> operationBody) {
        if (plan.failNextStoreCall()) {
            ledger.note("HISTORY FAILURE on " + operation);
            throw new HistoryUnavailableException("injected failure on " + operation);
        }
        return operationBody.get();
    }
}
