package adapters.emulator.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a developer overrides when running the template locally, in the shapes SAM CLI uses.
 *
 * @param parameters template parameter values, like {@code sam local --parameter-overrides} (pseudo parameters
 *     such as {@code AWS::Region} too)
 * @param allFunctions environment values for every function: the {@code "Parameters"} object of an
 *     {@code --env-vars} file
 * @param perFunction environment values per function logical id, the other objects of an {@code --env-vars} file;
 *     as in SAM CLI they win over {@code allFunctions}, and only variables the template declares are overridden
 * @param apiId the id the WebSocket API's {@code Ref} resolves to
 */
public record TemplateOverrides(Map<String, String> parameters, Map<String, String> allFunctions,
        Map<String, Map<String, String>> perFunction, String apiId) {
    /** The API id used when none is given: ten lowercase characters, like a real one. */
    public static final String DEFAULT_API_ID = "localapi01";

    public TemplateOverrides {
        parameters = Map.copyOf(parameters);
        allFunctions = Map.copyOf(allFunctions);
        perFunction = Map.copyOf(perFunction);
    }

    public static TemplateOverrides none() {
        return new TemplateOverrides(Map.of(), Map.of(), Map.of(), DEFAULT_API_ID);
    }

    /** Reads an {@code --env-vars} JSON file: {@code {"Parameters": {...}, "FunctionLogicalId": {"VAR": "v"}}}. */
    public static TemplateOverrides fromEnvVarsFile(Path file, Map<String, String> parameters) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, String> all = Map.of();
        Map<String, Map<String, String>> perFunction = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            Map<String, String> values = strings(field.getValue());
            if (field.getKey().equals("Parameters")) {
                all = values;
            } else {
                perFunction.put(field.getKey(), values);
            }
        }
        return new TemplateOverrides(parameters, all, perFunction, DEFAULT_API_ID);
    }

    public TemplateOverrides withApiId(String id) {
        return new TemplateOverrides(parameters, allFunctions, perFunction, id);
    }

    /** The override for one variable of one function, or null: the function's own entry wins. */
    String environmentValue(String function, String variable) {
        String own = perFunction.getOrDefault(function, Map.of()).get(variable);
        return own != null ? own : allFunctions.get(variable);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isTextual()
                ? e.getValue().textValue() : e.getValue().toString()));
        return values;
    }
}
