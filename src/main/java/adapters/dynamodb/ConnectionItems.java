package adapters.dynamodb;

import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Principal;
import domain.Recipient;
import domain.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How connections and subscriptions are laid out in the table: one partition per connection, holding the
 * connection item ({@code sk = "connection"}) and one {@code sk = "sub#<claim>"} item per subscription. Times are
 * epoch milliseconds; {@code ttl} is epoch seconds for DynamoDB's TTL.
 */
final class ConnectionItems {
    static final String CONNECTION_ID = "connectionId";
    static final String SORT_KEY = "sk";
    static final String USER_ID = "userId";
    static final String CLAIM_ID = "claimId";
    // Not "userId": subscription items must stay out of the byUser index.
    static final String OWNER_ID = "ownerId";
    static final String CLAIMS = "claims";
    static final String CONNECTED_AT = "connectedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String TTL = "ttl";
    static final String CONNECTION_SK = "connection";
    static final String SUBSCRIPTION_PREFIX = "sub#";

    private ConnectionItems() {
    }

    static Map<String, AttributeValue> connectionKey(ConnectionId id) {
        return Map.of(CONNECTION_ID, text(id.value()), SORT_KEY, text(CONNECTION_SK));
    }

    static Map<String, AttributeValue> subscriptionKey(ConnectionId id, ClaimId claim) {
        return Map.of(CONNECTION_ID, text(id.value()), SORT_KEY, text(SUBSCRIPTION_PREFIX + claim.value()));
    }

    static Map<String, AttributeValue> connectionItem(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>(connectionKey(connection.id()));
        item.put(USER_ID, text(connection.userId().value()));
        item.put(CONNECTED_AT, millis(connection.connectedAt()));
        item.putAll(expiry(connection.expiresAt()));
        // DynamoDB forbids empty sets and lists are just as good for a handful of ids; omitted when empty.
        List<AttributeValue> claims = connection.principal().entitledClaims().stream()
                .map(claim -> text(claim.value())).toList();
        if (!claims.isEmpty()) {
            item.put(CLAIMS, AttributeValue.fromL(claims));
        }
        return item;
    }

    /** The owner and expiry come from the connection item, read just before. */
    static Map<String, AttributeValue> subscriptionItem(ConnectionId id, ClaimId claim, Map<String, AttributeValue> owner) {
        Map<String, AttributeValue> item = new HashMap<>(subscriptionKey(id, claim));
        item.put(CLAIM_ID, text(claim.value()));
        item.put(OWNER_ID, owner.get(USER_ID));
        item.putAll(expiry(instant(owner.get(EXPIRES_AT))));
        return item;
    }

    /** Assembles a connection from all the items of its partition; empty without the connection item. */
    static Optional<Connection> toConnection(List<Map<String, AttributeValue>> partition) {
        Optional<Map<String, AttributeValue>> main = partition.stream()
                .filter(item -> CONNECTION_SK.equals(item.get(SORT_KEY).s())).findFirst();
        return main.map(item -> new Connection(
                ConnectionId.of(item.get(CONNECTION_ID).s()),
                new Principal(UserId.of(item.get(USER_ID).s()), claimsOf(item)),
                instant(item.get(CONNECTED_AT)),
                instant(item.get(EXPIRES_AT)),
                partition.stream().filter(ConnectionItems::isSubscription)
                        .map(sub -> ClaimId.of(sub.get(CLAIM_ID).s())).collect(Collectors.toSet())));
    }

    /** A connection item of the byUser index or a subscription item of the byClaim index. */
    static Recipient toRecipient(Map<String, AttributeValue> item) {
        AttributeValue user = item.containsKey(USER_ID) ? item.get(USER_ID) : item.get(OWNER_ID);
        return new Recipient(ConnectionId.of(item.get(CONNECTION_ID).s()), UserId.of(user.s()),
                instant(item.get(EXPIRES_AT)));
    }

    static boolean isSubscription(Map<String, AttributeValue> item) {
        return item.get(SORT_KEY).s().startsWith(SUBSCRIPTION_PREFIX);
    }

    static Instant instant(AttributeValue millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis.n()));
    }

    static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    /** {@code expiresAt} in epoch milliseconds, and {@code ttl} in epoch seconds for DynamoDB's TTL. */
    static Map<String, AttributeValue> expiry(Instant expiresAt) {
        // Rounded up, so that TTL never deletes an item before the moment it expires.
        long ttlSeconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        return Map.of(EXPIRES_AT, millis(expiresAt), TTL, AttributeValue.fromN(Long.toString(ttlSeconds)));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static Set<ClaimId> claimsOf(Map<String, AttributeValue> item) {
        AttributeValue claims = item.get(CLAIMS);
        return claims == null ? Set.of()
                : claims.l().stream().map(claim -> ClaimId.of(claim.s())).collect(Collectors.toSet());
    }
}
