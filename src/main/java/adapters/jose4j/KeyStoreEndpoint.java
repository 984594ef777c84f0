package adapters.jose4j;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where a stored key is read from, and how long a read value is trusted before it is read again.
 *
 * @param region           the function's region
 * @param endpointOverride a local Secrets Manager or SSM to read from instead of AWS's; requests to it are signed
 *                         with fixed dummy credentials
 * @param refreshInterval  how long a value read is used before it is read again: the longest a rotated key waits
 */
public record KeyStoreEndpoint(Region region, Optional<URI> endpointOverride, Duration refreshInterval) {
    /** A rotation reaches every warm function within five minutes, at one read per function per five minutes. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

    public KeyStoreEndpoint {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("the key refresh interval must not be negative");
        }
    }

    public static KeyStoreEndpoint of(Region region, Optional<URI> endpointOverride) {
        return new KeyStoreEndpoint(region, endpointOverride, DEFAULT_REFRESH_INTERVAL);
    }

    public KeyStoreEndpoint withRefreshInterval(Duration interval) {
        return new KeyStoreEndpoint(region, endpointOverride, interval);
    }
}
