package domain;

import java.time.Duration;

/**
 * The bounds Herald keeps per user and per connection.
 *
 * @param maxConnectionDuration API Gateway closes every WebSocket after 2 hours
 * @param expiryGrace           how long past that a record is still tolerated, for clock skew and a late $disconnect
 */
public record Limits(
        int maxConnectionsPerUser,
        int maxSubscriptionsPerConnection,
        Duration maxConnectionDuration,
        Duration expiryGrace) {

    public static final Limits DEFAULT = new Limits(10, 50, Duration.ofHours(2), Duration.ofMinutes(5));

    public Limits {
        if (maxConnectionsPerUser < 1 || maxSubscriptionsPerConnection < 1) {
            throw new IllegalArgumentException("limits must allow at least one connection and one subscription");
        }
        if (maxConnectionDuration.isNegative() || maxConnectionDuration.isZero() || expiryGrace.isNegative()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    public Duration connectionLifetime() {
        return maxConnectionDuration.plus(expiryGrace);
    }
}
