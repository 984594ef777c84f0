package domain;

import java.util.List;
import java.util.Optional;
import ports.ConnectionRepository;

/** A store that refuses removals (and, when asked, reads), to test what the domain does about it. */
final class ConnectionStoreFailingOnRemove implements ConnectionRepository {
    private final ConnectionRepository delegate;
    private boolean failReads;

    ConnectionStoreFailingOnRemove(ConnectionRepository delegate) {
        this.delegate = delegate;
    }

    ConnectionStoreFailingOnRemove failingReads() {
        failReads = true;
        return this;
    }

    @Override
    public void save(Connection connection) {
        delegate.save(connection);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        failIfReadsFail();
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
        throw new ConnectionStoreException("remove refused");
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        failIfReadsFail();
        return delegate.audienceOf(target);
    }

    private void failIfReadsFail() {
        if (failReads) {
            throw new ConnectionStoreException("read refused");
        }
    }
}
