package domain;

import ports.ConnectionRepository;

/** $disconnect: forgets a connection and its subscriptions. Safe to call twice. */
public final class DisconnectService {
    private final ConnectionRepository repository;

    public DisconnectService(ConnectionRepository repository) {
        this.repository = repository;
    }

    /** Throws {@link ConnectionRepositoryException} if the store fails; the record then expires on its own. */
    public void disconnect(ConnectionId id) {
        repository.remove(id);
    }
}
