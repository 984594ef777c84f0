package adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import domain.ClaimId;
import domain.Connection;
import domain.Target;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ports.ConnectionRepository;
import ports.ConnectionRepositoryContract;

/** The port's contract, and what DynamoDB adds to it, against dynalite. */
class DynamoDbConnectionRepositoryIT extends ConnectionRepositoryContract {
    private final LocalTable table = new LocalTable();
    private final OperationLog operations = new OperationLog();
    private final DynamoDbConnectionRepository repository = new DynamoDbConnectionRepository(
            table.client(operations), LocalTable.settings(), pause -> { }, new SplittableRandom(1));

    @Override
    protected ConnectionRepository repository() {
        return repository;
    }

    @AfterEach
    void neverScans() {
        table.close();
        assertThat(operations.operations()).doesNotContain("Scan");
    }

    @Test
    void audienceOf_costsOneQueryOnTheTargetsIndex() {
        repository.audienceOf(Target.user(user("u")));
        repository.audienceOf(Target.claim(claim("C")));

        assertThat(operations.operations()).containsExactly("Query byUser", "Query byClaim");
    }

    @Test
    void remove_deletesMoreSubscriptionsThanOneBatchHolds() {
        Connection connection = connection("many", user("u"));
        repository.save(connection);
        List<ClaimId> claims = IntStream.range(0, 30).mapToObj(i -> claim("C-" + i)).toList();
        claims.forEach(claim -> assertThat(repository.subscribe(connection.id(), claim)).isTrue());
        assertThat(table.partition(connection.id().value())).hasSize(31);
        operations.clear();

        repository.remove(connection.id());

        assertThat(operations.operations()).containsExactly("DeleteItem", "Query", "BatchWriteItem", "BatchWriteItem");
        assertThat(table.partition(connection.id().value())).isEmpty();
        claims.forEach(claim -> assertThat(repository.audienceOf(Target.claim(claim))).isEmpty());
    }

    @Test
    void givenUnknownConnection_subscribe_onlyReads() {
        operations.clear();

        assertThat(repository.subscribe(connectionId("ghost"), claim("C"))).isFalse();

        assertThat(operations.operations()).containsExactly("GetItem");
        assertThat(table.partition(connectionId("ghost").value())).isEmpty();
    }

    @Test
    void subscriptionItems_carryTheConnectionsOwnerAndExpiry() {
        Connection connection = connection("owned", user("owner"), claim("C"));
        repository.save(connection);
        repository.subscribe(connection.id(), claim("C"));

        var subscription = table.partition(connection.id().value()).stream()
                .filter(ConnectionItems::isSubscription).findFirst().orElseThrow();

        assertThat(subscription.get("ownerId").s()).isEqualTo(connection.userId().value());
        assertThat(subscription).doesNotContainKey("userId");
        assertThat(ConnectionItems.instant(subscription.get("expiresAt"))).isEqualTo(connection.expiresAt());
        assertThat(subscription.get("ttl").n()).isEqualTo(Long.toString(connection.expiresAt().getEpochSecond()));
    }

    @Test
    void aConnectionWithoutEntitlements_isStoredWithoutAnEmptyClaimsAttribute() {
        Connection connection = connection("none", user("u"));
        repository.save(connection);

        assertThat(table.partition(connection.id().value()).get(0)).doesNotContainKey("claims");
        assertThat(repository.find(connection.id()).orElseThrow().principal().entitledClaims())
                .isEqualTo(Collections.emptySet());
    }
}
