package adapters.emulator.definitions;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a queue and its dead-letter queue from the Terraform in one directory. hcl4j evaluates variable defaults,
 * overrides and string interpolation; this class only picks the queues out. The queue is the {@code aws_sqs_queue}
 * with the label the caller names; the dead-letter queue is whichever queue its redrive policy targets.
 */
public final class TerraformQueueReader {
    // What SQS uses when the resource leaves the attribute out.
    private static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    private static final Duration DEFAULT_RETENTION = Duration.ofDays(4);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TerraformQueueReader() {
    }

    /**
     * Reads every {@code *.tf} file of {@code directory} for the {@code aws_sqs_queue} labelled {@code label};
     * {@code variables} override variable defaults the way {@code TF_VAR_name} does (a numeric text becomes a number).
     * Throws IllegalArgumentException naming what is missing.
     */
    public static QueueDeclaration read(Path directory, String label, Map<String, String> variables) {
        TerraformQueues queues = new TerraformQueues(directory, parse(directory, variables));
        Map<String, Object> outbound = queues.labelled(label);
        JsonNode redrive = redrivePolicy(outbound, label);
        Map<String, Object> deadLetter = queues.target(redrive.path("deadLetterTargetArn"));
        return new QueueDeclaration(queues.name(outbound), queues.name(deadLetter), redrive.path("maxReceiveCount").asInt(),
                seconds(outbound, "visibility_timeout_seconds", DEFAULT_VISIBILITY),
                seconds(outbound, "message_retention_seconds", DEFAULT_RETENTION),
                seconds(deadLetter, "message_retention_seconds", DEFAULT_RETENTION));
    }

    private static Map<String, Object> parse(Path directory, Map<String, String> variables) {
        HCLParser parser = new HCLParser();
        variables.forEach((name, value) -> parser.setVariable(name, NUMBER.matcher(value).matches() ? Double.valueOf(value) : value));
        try {
            return parser.parse(terraformOf(directory));
        } catch (HCLParserException | IOException e) {
            throw new IllegalArgumentException("cannot parse the Terraform in " + directory + ": " + e.getMessage(), e);
        }
    }

    // Terraform treats a directory's files as one module, so variables of one file resolve in another.
    private static String terraformOf(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tf")).sorted()
                    .map(TerraformQueueReader::contentOf).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // jsonencode() yields JSON text; a reference it cannot resolve (the DLQ's ARN) stays an object naming it.
    private static JsonNode redrivePolicy(Map<String, Object> queue, String label) {
        Object policy = queue.get("redrive_policy");
        if (!(policy instanceof String text)) {
            throw new IllegalArgumentException("aws_sqs_queue." + label + " has no redrive_policy: the event source needs a dead-letter queue");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the redrive_policy of aws_sqs_queue." + label + " is not JSON", e);
        }
    }

    private static Duration seconds(Map<String, Object> queue, String attribute, Duration absent) {
        Object value = queue.get(attribute);
        return value instanceof Number number ? Duration.ofSeconds(number.longValue()) : absent;
    }
}
