package adapters.apigateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Where and how the @connections API is called.
 *
 * @param endpoint       the stage URL, e.g. {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod}
 * @param region         the region requests are signed for
 * @param attemptTimeout the longest one HTTP attempt may take, waiting for a connection included
 * @param callTimeout    the longest one SDK call may take, signing included
 * @param maxInFlight    the most requests open at once; more wait for a connection without a thread
 */
public record ApiGatewaySettings(URI endpoint, Region region, Duration attemptTimeout, Duration callTimeout,
                                 int maxInFlight) {
    /** A push normally answers within tens of milliseconds; a second means the call is lost. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    /** As many as the domain's fan-out keeps in flight, so that its pushes never queue here. */
    public static final int MAX_IN_FLIGHT = 50;

    public ApiGatewaySettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || callTimeout.compareTo(attemptTimeout) < 0) {
            throw new IllegalArgumentException("timeouts must be positive, the call's no shorter than the attempt's");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
    }

    public static ApiGatewaySettings of(URI endpoint, Region region) {
        return new ApiGatewaySettings(endpoint, region, ATTEMPT_TIMEOUT, CALL_TIMEOUT, MAX_IN_FLIGHT);
    }

    /**
     * Reads {@code WS_API_ENDPOINT} and {@code AWS_REGION} (which Lambda always sets); without a
     * region it signs for us-east-1, which only a local gateway, which checks no signature, accepts.
     */
    public static ApiGatewaySettings fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("WS_API_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("WS_API_ENDPOINT is not set");
        }
        return of(URI.create(endpoint), Region.of(env.getOrDefault("AWS_REGION", "us-east-1")));
    }
}
