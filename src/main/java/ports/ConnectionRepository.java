package ports;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Recipient;
import domain.Target;
import java.util.List;
import java.util.Optional;

/**
 * Where connections and their claim subscriptions are recorded. The repository reports records as they stand and
 * leaves judging expiry to the domain: a record past its expiry is found, and listed in its audiences, until it is
 * removed, by the domain's eviction or by the store's own lazy expiry (DynamoDB's TTL).
 *
 * <p>Every method throws {@link domain.ConnectionRepositoryException} when the store cannot complete it.
 */
public interface ConnectionRepository {

    /** Records a new connection with no subscriptions, replacing any record with the same id. */
    void save(Connection connection);

    /** Returns the connection with its subscriptions, expired or not, or empty if none is recorded under that id. */
    Optional<Connection> find(ConnectionId id);

    /** Records that the connection hears the claim; returns false, recording nothing, if the connection is not recorded. */
    boolean subscribe(ConnectionId id, ClaimId claim);

    /** Forgets that the connection hears the claim; does nothing if it did not. */
    void unsubscribe(ConnectionId id, ClaimId claim);

    /** Removes the connection and all its subscriptions; removing an unknown id does nothing. */
    void remove(ConnectionId id);

    /** Returns every recorded connection of the target user, or subscribed to the target claim, expired ones included. */
    List<Recipient> audienceOf(Target target);
}
