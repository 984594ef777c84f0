package adapters.sqs;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where producers send notifications.
 *
 * @param queueUrl         the outbound queue (Terraform output {@code outbound_queue_url})
 * @param endpointOverride set only for a local SQS such as ElasticMQ
 */
public record SqsSettings(String queueUrl, Optional<URI> endpointOverride, Region region) {

    public SqsSettings {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("the outbound queue URL is required (OUTBOUND_QUEUE_URL)");
        }
        if (endpointOverride == null || region == null) {
            throw new IllegalArgumentException("give an endpoint override (or none) and a region");
        }
    }

    /**
     * Reads {@code OUTBOUND_QUEUE_URL}, {@code AWS_REGION} (Lambda always sets it) and, for a local
     * SQS, {@code AWS_ENDPOINT_URL_SQS}: the variable the AWS SDKs and CLI already honour, so it
     * means the same thing everywhere.
     */
    public static SqsSettings fromEnvironment(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set");
        }
        Optional<URI> endpoint = Optional.ofNullable(environment.get("AWS_ENDPOINT_URL_SQS"))
                .filter(value -> !value.isBlank())
                .map(URI::create);
        return new SqsSettings(environment.get("OUTBOUND_QUEUE_URL"), endpoint, Region.of(region));
    }
}
