package adapters.emulator.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/** The evaluated {@code aws_sqs_queue} resources of one Terraform directory, by label. */
final class TerraformQueues {
    private final Path directory;
    private final Map<String, Map<String, Object>> byLabel;

    @SuppressWarnings("unchecked")
    TerraformQueues(Path directory, Map<String, Object> terraform) {
        this.directory = directory;
        Map<String, Object> resources = (Map<String, Object>) terraform.getOrDefault("resource", Map.of());
        this.byLabel = (Map<String, Map<String, Object>>) resources.getOrDefault("aws_sqs_queue", Map.of());
    }

    Map<String, Object> labelled(String label) {
        Map<String, Object> queue = byLabel.get(label);
        if (queue == null) {
            throw new IllegalArgumentException(directory + " declares no aws_sqs_queue." + label + " (it has " + byLabel.keySet() + ")");
        }
        return queue;
    }

    /**
     * The queue a redrive policy's {@code deadLetterTargetArn} points at: a reference such as
     * {@code aws_sqs_queue.dead_letter.arn} (what hcl4j leaves of it) or a literal ARN ending in the queue's name.
     */
    Map<String, Object> target(JsonNode deadLetterTargetArn) {
        String reference = deadLetterTargetArn.path("name").asText("");
        String[] parts = reference.split("\\.");
        if (parts.length == 3 && parts[0].equals("aws_sqs_queue")) {
            return labelled(parts[1]);
        }
        String arn = deadLetterTargetArn.asText("");
        String queueName = arn.substring(arn.lastIndexOf(':') + 1);
        return byLabel.values().stream().filter(queue -> queueName.equals(queue.get("name"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the redrive policy targets no queue declared in " + directory));
    }

    String name(Map<String, Object> queue) {
        if (!(queue.get("name") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a queue in " + directory + " has no literal name (name_prefix instead of name?)");
        }
        return name;
    }
}
