package adapters.emulator.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the embedded SQS listens and where its queues are declared.
 *
 * @param queueLabel                 the label of the {@code aws_sqs_queue} resource to serve; its redrive policy names the
 *                                   dead-letter queue
 * @param port                       9324 (ElasticMQ's usual port) by default; 0 picks a free one
 * @param terraformVariables         overrides of Terraform variable defaults, e.g. {@code name_prefix}
 * @param visibilityTimeoutOverride  set by tests so a failed message comes back in a second, not three minutes
 */
public record LocalQueueSettings(Path terraformDirectory, String queueLabel, String host, int port, Map<String, String> terraformVariables,
        Optional<Duration> visibilityTimeoutOverride) {
    public static final int DEFAULT_PORT = 9324;
    static final String LOOPBACK = "127.0.0.1";
    private static final String TF_VAR = "TF_VAR_";

    public LocalQueueSettings {
        if (terraformDirectory == null || queueLabel == null || host == null || terraformVariables == null || visibilityTimeoutOverride == null) {
            throw new IllegalArgumentException("give a Terraform directory, a queue label, a host, variables (or none) and an override (or none)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        terraformVariables = Map.copyOf(terraformVariables);
    }

    /** The queue labelled {@code queueLabel} in the Terraform of {@code terraformDirectory}, with its own defaults, on loopback port 9324. */
    public static LocalQueueSettings defaults(Path terraformDirectory, String queueLabel) {
        return new LocalQueueSettings(terraformDirectory, queueLabel, LOOPBACK, DEFAULT_PORT, Map.of(), Optional.empty());
    }

    /**
     * Reads {@code LOCAL_SQS_PORT} and every {@code TF_VAR_name}: the variables Terraform itself reads, so
     * {@code TF_VAR_name_prefix=dev-} names the local queues as it would name the deployed ones.
     */
    public static LocalQueueSettings fromEnvironment(Path terraformDirectory, String queueLabel, Map<String, String> environment) {
        int port = Integer.parseInt(environment.getOrDefault("LOCAL_SQS_PORT", String.valueOf(DEFAULT_PORT)));
        Map<String, String> variables = environment.entrySet().stream().filter(entry -> entry.getKey().startsWith(TF_VAR))
                .collect(Collectors.toMap(entry -> entry.getKey().substring(TF_VAR.length()), Map.Entry::getValue));
        return new LocalQueueSettings(terraformDirectory, queueLabel, LOOPBACK, port, variables, Optional.empty());
    }

    public LocalQueueSettings withPort(int newPort) {
        return new LocalQueueSettings(terraformDirectory, queueLabel, host, newPort, terraformVariables, visibilityTimeoutOverride);
    }

    public LocalQueueSettings withVisibilityTimeout(Duration timeout) {
        return new LocalQueueSettings(terraformDirectory, queueLabel, host, port, terraformVariables, Optional.of(timeout));
    }
}
