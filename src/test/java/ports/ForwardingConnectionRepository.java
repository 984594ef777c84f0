package ports;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Recipient;
import domain.Target;
import java.util.List;
import java.util.Optional;

/** Passes every call to another repository; a test overrides the one call it breaks. */
public class ForwardingConnectionRepository implements ConnectionRepository {
    private final ConnectionRepository delegate;

    public ForwardingConnectionRepository(ConnectionRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(Connection connection) {
        delegate.save(connection);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return delegate.find(id);
    }

    @Override
    public boolean subscribe(ConnectionId id, ClaimId claim) {
        return delegate.subscribe(id, claim);
    }

    @Override
    public void unsubscribe(ConnectionId id, ClaimId claim) {
        delegate.unsubscribe(id, claim);
    }

    @Override
    public void remove(ConnectionId id) {
        delegate.remove(id);
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        return delegate.audienceOf(target);
    }
}
