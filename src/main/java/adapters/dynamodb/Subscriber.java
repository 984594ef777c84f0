package adapters.dynamodb;

import static adapters.dynamodb.ConnectionItems.EXPIRES_AT;
import static adapters.dynamodb.ConnectionItems.USER_ID;

import domain.ClaimId;
import domain.ConnectionId;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records a subscription only while its connection is recorded, without a transaction: read the connection, put
 * the subscription, read the connection again, and take the subscription back if the connection went away or was
 * replaced in between. {@code remove} deletes the connection item before it lists the subscriptions, so either the
 * re-check here sees the removal, or the removal's (consistent) listing sees this subscription: none is orphaned.
 *
 * <p>A {@code TransactWriteItems} (condition check + put) would do it in one call, but costs twice the write units
 * and dynalite, on which the contract is proven, does not implement transactions.
 */
final class Subscriber {
    private final DynamoDbClient client;
    private final String table;

    Subscriber(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    boolean subscribe(ConnectionId id, ClaimId claim) {
        Optional<Map<String, AttributeValue>> owner = owner(id);
        if (owner.isEmpty()) {
            return false;
        }
        // The subscription copies the owner and the expiry, so that it leaves the byClaim index with its connection.
        StoreCalls.attempt("subscribe " + id + " to " + claim, () -> client.putItem(put -> put.tableName(table)
                .item(ConnectionItems.subscriptionItem(id, claim, owner.get()))));
        if (owner(id).equals(owner)) {
            return true;
        }
        StoreCalls.attempt("take back the subscription of " + id + " to " + claim, () -> client.deleteItem(delete -> delete
                .tableName(table).key(ConnectionItems.subscriptionKey(id, claim))));
        return false;
    }

    private Optional<Map<String, AttributeValue>> owner(ConnectionId id) {
        return StoreCalls.attempt("read connection " + id, () -> Optional.of(client.getItem(get -> get
                        .tableName(table).key(ConnectionItems.connectionKey(id))
                        .projectionExpression(USER_ID + ", " + EXPIRES_AT).consistentRead(true)))
                .filter(response -> response.hasItem() && !response.item().isEmpty())
                .map(response -> Map.copyOf(response.item())));
    }
}
