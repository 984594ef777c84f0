package adapters.dynamodb;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the connections table lives.
 *
 * @param tableName        the table, laid out as the SAM template declares it
 * @param endpointOverride a local DynamoDB (dynalite) to talk to instead of AWS; requests to it are signed with
 *                         fixed dummy credentials
 * @param region           the AWS region, also used to sign requests to a local endpoint
 */
public record DynamoDbSettings(String tableName, Optional<URI> endpointOverride, Region region) {
    public static final String DEFAULT_TABLE_NAME = "WebSocketConnections";

    public DynamoDbSettings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("a DynamoDB table name is needed");
        }
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(region, "region");
    }

    /**
     * On Lambda: the table from {@code DYNAMO_TABLE_NAME} (else the default), the region from
     * {@code AWS_REGION}. {@code AWS_ENDPOINT_URL_DYNAMODB}, the variable the AWS SDKs and CLI
     * already honour, points it at a local DynamoDB instead.
     */
    public static DynamoDbSettings fromEnvironment(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set");
        }
        String table = environment.getOrDefault("DYNAMO_TABLE_NAME", DEFAULT_TABLE_NAME);
        Optional<URI> endpoint = Optional.ofNullable(environment.get("AWS_ENDPOINT_URL_DYNAMODB"))
                .filter(value -> !value.isBlank())
                .map(URI::create);
        return new DynamoDbSettings(table, endpoint, Region.of(region));
    }

    /** A local DynamoDB such as dynalite; the region only matters for signing. */
    public static DynamoDbSettings local(URI endpoint, String tableName) {
        return new DynamoDbSettings(tableName, Optional.of(endpoint), Region.US_EAST_1);
    }
}
