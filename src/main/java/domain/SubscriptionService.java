package domain;

import java.time.Clock;
import java.util.Optional;
import ports.ConnectionRepository;

/** $default's subscribe and unsubscribe: a connection hears a claim only if its token entitles it to. */
public final class SubscriptionService {
    private final ConnectionRepository repository;
    private final Limits limits;
    private final Clock clock;

    public SubscriptionService(ConnectionRepository repository, Limits limits, Clock clock) {
        this.repository = repository;
        this.limits = limits;
        this.clock = clock;
    }

    /** Subscribing twice to the same claim is not an error. */
    public SubscriptionResult subscribe(ConnectionId id, ClaimId claim) {
        try {
            Optional<Connection> connection = liveConnection(id);
            if (connection.isEmpty()) {
                return new SubscriptionResult.Refused(claim, SubscriptionRefusal.UNKNOWN_CONNECTION);
            }
            if (!connection.get().principal().isEntitledTo(claim)) {
                return new SubscriptionResult.Refused(claim, SubscriptionRefusal.NOT_ENTITLED);
            }
            if (connection.get().subscriptions().contains(claim)) {
                return new SubscriptionResult.Subscribed(claim);
            }
            if (connection.get().subscriptions().size() >= limits.maxSubscriptionsPerConnection()) {
                return new SubscriptionResult.Refused(claim, SubscriptionRefusal.TOO_MANY_SUBSCRIPTIONS);
            }
            if (!repository.subscribe(id, claim)) {
                return new SubscriptionResult.Refused(claim, SubscriptionRefusal.UNKNOWN_CONNECTION);
            }
            return new SubscriptionResult.Subscribed(claim);
        } catch (ConnectionRepositoryException e) {
            return new SubscriptionResult.Refused(claim, SubscriptionRefusal.UNAVAILABLE);
        }
    }

    /** Unsubscribing from a claim the connection does not hear is not an error. */
    public SubscriptionResult unsubscribe(ConnectionId id, ClaimId claim) {
        try {
            if (liveConnection(id).isEmpty()) {
                return new SubscriptionResult.Refused(claim, SubscriptionRefusal.UNKNOWN_CONNECTION);
            }
            repository.unsubscribe(id, claim);
            return new SubscriptionResult.Unsubscribed(claim);
        } catch (ConnectionRepositoryException e) {
            return new SubscriptionResult.Refused(claim, SubscriptionRefusal.UNAVAILABLE);
        }
    }

    private Optional<Connection> liveConnection(ConnectionId id) {
        return repository.find(id).filter(connection -> connection.isLiveAt(clock.instant()));
    }
}
