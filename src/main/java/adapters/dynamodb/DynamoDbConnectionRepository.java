package adapters.dynamodb;

import static adapters.dynamodb.ConnectionItems.CONNECTION_ID;
import static adapters.dynamodb.ConnectionItems.SORT_KEY;
import static adapters.dynamodb.ConnectionItems.SUBSCRIPTION_PREFIX;
import static adapters.dynamodb.ConnectionItems.text;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Recipient;
import domain.Sleeper;
import domain.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.inject.Inject;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Connections in the DynamoDB table laid out by {@link ConnectionItems}: every read is a GetItem or a Query on a
 * key or an index, never a Scan.
 */
public final class DynamoDbConnectionRepository implements ConnectionRepository {
    private final DynamoDbClient client;
    private final String table;
    private final Subscriber subscriber;
    private final Audiences audiences;
    private final BatchDeleter deleter;

    @Inject
    public DynamoDbConnectionRepository(DynamoDbClient client, DynamoDbSettings settings, Sleeper sleeper,
                                        RandomGenerator jitter) {
        this.client = client;
        this.table = settings.tableName();
        this.subscriber = new Subscriber(client, table);
        this.audiences = new Audiences(client, table);
        this.deleter = new BatchDeleter(client, table, sleeper, jitter);
    }

    /** Only a replaced connection can have subscriptions to clear, and the put's old image tells. */
    @Override
    public void save(Connection connection) {
        boolean replaced = StoreCalls.attempt("save connection " + connection.id(), () -> client.putItem(put -> put
                .tableName(table).item(ConnectionItems.connectionItem(connection))
                .returnValues(ReturnValue.ALL_OLD)).hasAttributes());
        if (replaced) {
            deleteSubscriptions(connection.id());
        }
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return ConnectionItems.toConnection(StoreCalls.queryAll(client, "find connection " + id, QueryRequest.builder()
                .tableName(table).keyConditionExpression(CONNECTION_ID + " = :id")
                .expressionAttributeValues(Map.of(":id", text(id.value())))
                .consistentRead(true).build()));
    }

    @Override
    public boolean subscribe(ConnectionId id, ClaimId claim) {
        return subscriber.subscribe(id, claim);
    }

    @Override
    public void unsubscribe(ConnectionId id, ClaimId claim) {
        StoreCalls.attempt("unsubscribe " + id + " from " + claim, () -> client.deleteItem(delete -> delete
                .tableName(table).key(ConnectionItems.subscriptionKey(id, claim))));
    }

    /** The connection item goes first, so that a subscribe racing this removal sees it gone (see Subscriber). */
    @Override
    public void remove(ConnectionId id) {
        StoreCalls.attempt("remove connection " + id, () -> client.deleteItem(delete -> delete
                .tableName(table).key(ConnectionItems.connectionKey(id))));
        deleteSubscriptions(id);
    }

    @Override
    public List<Recipient> audienceOf(Target target) {
        return audiences.of(target);
    }

    private void deleteSubscriptions(ConnectionId id) {
        deleter.delete(StoreCalls.queryAll(client, "list the subscriptions of " + id, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(CONNECTION_ID + " = :id AND begins_with(" + SORT_KEY + ", :sub)")
                .expressionAttributeValues(Map.of(":id", text(id.value()), ":sub", text(SUBSCRIPTION_PREFIX)))
                .projectionExpression(CONNECTION_ID + ", " + SORT_KEY)
                .consistentRead(true).build()));
    }
}
