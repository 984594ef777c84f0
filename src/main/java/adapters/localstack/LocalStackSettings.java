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
        Optional<Duration> visibilityTimeout) {

    public static LocalStackSettings defaults() {
        return new LocalStackSettings(Path.of("deploy/sam/template.yaml"), Path.of("deploy/terraform"), "localhost", 3001, 9324,
                Optional.empty(), Optional.empty(), Duration.ofMinutes(10), Duration.ofHours(2), Optional.empty());
    }

    /** Free ports and short timeouts, for tests that start a stack of their own. */
    public LocalStackSettings forTests(Duration idle, Duration maximum, Duration visibility) {
        return new LocalStackSettings(template, terraform, host, 0, 0, envVars, dynamoDb, idle, maximum, Optional.of(visibility));
    }

    public LocalStackSettings withDynamoDb(URI endpoint) {
        return new LocalStackSettings(template, terraform, host, gatewayPort, sqsPort, envVars, Optional.of(endpoint),
                idleTimeout, maxConnectionDuration, visibilityTimeout);
    }
}
