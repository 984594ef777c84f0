package adapters.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What `herald local` runs and where.
 *
 * @param gatewayPort   0 picks a free port (tests)
 * @param sqsPort       0 picks a free port (tests)
 * @param envVars       a `sam local`-style --env-vars JSON file
 * @param dynamoDb      a DynamoDB-compatible endpoint; empty keeps the connections in memory
 * @param visibilityTimeout the queues' visibility timeout; empty keeps Terraform's
 * @param handshakeTimeout how long a client may take to send its whole upgrade (or any HTTP request)
 * @param devEndpointsFromAnyAddress whether {@code /dev/} answers clients on other machines (by default only loopback)
 */
public record LocalStackSettings(
        Path template,
        Path terraform,
        String host,
        int gatewayPort,
        int sqsPort,
        Optional<Path> envVars,
        Optional<URI> dynamoDb,
        Duration idleTimeout,
        Duration maxConnectionDuration,
        Optional<Duration> visibilityTimeout,
        Duration handshakeTimeout,
        boolean devEndpointsFromAnyAddress) {

    public static LocalStackSettings defaults() {
        return new LocalStackSettings(Path.of("deploy/sam/template.yaml"), Path.of("deploy/terraform"), "localhost", 3001, 9324,
                Optional.empty(), Optional.empty(), Duration.ofMinutes(10), Duration.ofHours(2), Optional.empty(),
                Duration.ofSeconds(10), false);
    }

    /** Free ports and short timeouts, for tests that start a stack of their own. */
    public LocalStackSettings forTests(Duration idle, Duration maximum, Duration visibility) {
        return new LocalStackSettings(template, terraform, host, 0, 0, envVars, dynamoDb, idle, maximum, Optional.of(visibility),
                handshakeTimeout, devEndpointsFromAnyAddress);
    }

    public LocalStackSettings withDynamoDb(URI endpoint) {
        return new LocalStackSettings(template, terraform, host, gatewayPort, sqsPort, envVars, Optional.of(endpoint),
                idleTimeout, maxConnectionDuration, visibilityTimeout, handshakeTimeout, devEndpointsFromAnyAddress);
    }
}
