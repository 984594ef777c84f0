package domain;

import java.util.List;
import java.util.Optional;
import ports.ConnectionRepository;
import ports.ForwardingConnectionRepository;

/** A store that refuses removals (and, when asked, reads), to test what the domain does about it. */
final class ConnectionRepositoryFailingOnRemove extends ForwardingConnectionRepository {
    private boolean failReads;

    ConnectionRepositoryFailingOnRemove(ConnectionRepository delegate) {
        super(delegate);
    }

    ConnectionRepositoryFailingOnRemove failingReads() {
        failReads = true;
        return this;
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        failIfReadsFail();
        return super.find(id);
    }

    @Override
    public void remove(ConnectionId id) {
        throw new ConnectionRepositoryException("remove refused");
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        failIfReadsFail();
        return super.audienceOf(target);
    }

    private void failIfReadsFail() {
        if (failReads) {
            throw new ConnectionRepositoryException("read refused");
        }
    }
}
