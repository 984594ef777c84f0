package adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.json.NotificationExamples.Example;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import domain.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema and the codec must judge every example message alike, so neither drifts. */
class NotificationSchemaTest {
    /**
     * Where the two knowingly part, and why. Each entry must really disagree, so a fix on either side
     * forces the entry out of this list.
     */
    private static final Map<String, String> KNOWN_DISAGREEMENTS = Map.of(
            "TOO_LARGE.generated", "JSON Schema cannot count the body's bytes; the schema's description states the limit",
            "accepted.time-without-seconds.json", "RFC 3339 requires seconds; java.time's ISO parser lets them out",
            "INVALID_ATTRIBUTE.time-leap-second.json", "RFC 3339 allows a leap second (:60); java.time refuses it",
            "accepted.time-null.json", "the domain reads a null attribute as an absent one; the schema wants a string",
            "accepted.datacontenttype-number.json", "the Notifier ignores datacontenttype; the schema holds producers to a string");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load(Path.of("schemas", "notification.schema.json"));

    private final CloudEventsCodec codec = new CloudEventsCodec(Clock.systemUTC());

    static List<Example> examples() {
        return NotificationExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void schemaAndCodec_agreeOnEachExample(Example example) {
        boolean codecAccepts = codec.decode(example.body()) instanceof ParseResult.Parsed;
        boolean schemaAccepts = schemaAccepts(example.body());

        if (KNOWN_DISAGREEMENTS.containsKey(example.name())) {
            assertThat(schemaAccepts).as(KNOWN_DISAGREEMENTS.get(example.name())).isNotEqualTo(codecAccepts);
        } else {
            assertThat(schemaAccepts).as("schema accepts %s", example.name()).isEqualTo(codecAccepts);
        }
    }

    private static boolean schemaAccepts(String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return false;
        }
        return SCHEMA.validate(instance).isEmpty();
    }

    /** Format assertions are off by default in draft 2020-12; a producer's validator should switch them on too. */
    private static Schema load(Path file) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream schema = Files.newInputStream(file)) {
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
