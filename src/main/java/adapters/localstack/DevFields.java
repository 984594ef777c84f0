package adapters.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads the fields of a development endpoint's JSON body, naming the field in the error. */
final class DevFields {
    private DevFields() {
    }

    static String requiredText(JsonNode body, String field) {
        return optionalText(body, field)
                .orElseThrow(() -> new IllegalArgumentException("'" + field + "' is required: a non-empty string"));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return Optional.of(value.asText());
    }
}
