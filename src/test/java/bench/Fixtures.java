package bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Event fixtures from src/test/resources/events, read as adapters.lambda.Events reads them, with the
 * connection, user, claim and token of one run put in place of the fixtures' own.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Object read(Function function, Map<String, String> replacements) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + function.fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture named " + function.fixture);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                json = json.replace(replacement.getKey(), replacement.getValue());
            }
            // Lambda's own deserializer matches names case-insensitively ("Records", "eventSourceARN").
            return JsonMapper.builder()
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(json, Class.forName(function.event.className));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Lambda events library is not on the class path", e);
        }
    }

    /** The fixtures' own ids, and what a run puts in their place. */
    static Map<String, String> replacements(String connectionId, String userId, String claimId, String token) {
        return Map.of("CYf6ecLEDoECGHg=", connectionId, "alice", userId, "C-1042", claimId, "${TOKEN}", token);
    }
}
