package adapters.bench;

import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every scenario shares: the open connections, the producer, the gateway's dev paths, and the claims of this
 * run. Connection {@code i} is user {@code bench-<run>-u<i>}, subscribed to its own claim (steady) and to the claim of
 * every fan-out size above {@code i}. Names carry the run id, so a second run never hears the first one's claims.
 */
final class Testbed implements AutoCloseable {
    final BenchSettings settings;
    final Fleet fleet;
    final GatewayProbe gateway;
    final Producer producer;
    final LongAdder sent = new LongAdder();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final TokenMinter minter = LocalDevKeys.minter(Clock.systemUTC());

    Testbed(BenchSettings settings) {
        this.settings = settings;
        this.fleet = new Fleet(settings.webSocket(), settings.connections());
        this.gateway = new GatewayProbe(settings.webSocket());
        this.producer = new Producer(settings.sqs(), settings.queueName());
    }

    String ownClaim(int connection) {
        return "bench-" + run + "-c" + connection;
    }

    String fanOutClaim(int size) {
        return "bench-" + run + "-fan" + size;
    }

    List<String> claimsOf(int connection) {
        List<String> claims = new ArrayList<>(List.of(ownClaim(connection)));
        settings.fanOutSizes().stream().filter(size -> connection < size).map(this::fanOutClaim).forEach(claims::add);
        return claims;
    }

    /** A user of its own for one resume round, entitled to no claim. */
    String resumingUser(int round) {
        return "bench-" + run + "-resume" + round;
    }

    String tokenOf(String user) {
        return minter.mint(TokenRequest.forSubject(user).withTtl(Duration.ofHours(2)));
    }

    String token(int connection) {
        return minter.mint(TokenRequest.forSubject("bench-" + run + "-u" + connection).withClaims(claimsOf(connection))
                .withTtl(Duration.ofHours(2)));
    }

    /**
     * Subscribes every open connection to its claims, {@code handshakes} requests unanswered at most (the gateway's
     * handler queue refuses a flood, as Lambda throttles); returns how many were refused or never answered.
     */
    long subscribeAll() throws InterruptedException {
        fleet.begin("subscribing");
        long sentCount = 0;
        for (int i = 0; i < fleet.size(); i++) {
            for (String claim : claimsOf(i)) {
                awaitAnswers(sentCount - settings.handshakes() + 1);
                sentCount += fleet.send(i, "{\"action\":\"subscribe\",\"claimId\":\"" + claim + "\"}") ? 1 : 0;
            }
        }
        awaitAnswers(sentCount);
        return sentCount - fleet.acknowledged.sum();
    }

    /** Waits until {@code count} subscriptions were answered, or none was for 10 s. */
    private void awaitAnswers(long count) throws InterruptedException {
        long lastSeen = -1;
        long lastChange = System.nanoTime();
        while (answered() < count && System.nanoTime() - lastChange < 10_000_000_000L) {
            if (answered() != lastSeen) {
                lastSeen = answered();
                lastChange = System.nanoTime();
            }
            Thread.sleep(1);
        }
    }

    private long answered() {
        return fleet.acknowledged.sum() + fleet.refused.sum();
    }

    @Override
    public void close() {
        fleet.close();
        producer.close();
    }
}
