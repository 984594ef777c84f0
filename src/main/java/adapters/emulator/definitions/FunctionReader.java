package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.map;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each function's handler and environment: Globals merged under the function's own variables before
 * evaluation (as SAM merges them), then {@code --env-vars} overrides applied to the variables the template declares.
 */
final class FunctionReader {
    private static final String DYNAMIC_REFERENCE = "{{resolve:";

    private final Template template;
    private final Intrinsics intrinsics;
    private final TemplateOverrides overrides;
    private final List<String> warnings;
    private final String region;

    FunctionReader(Template template, Intrinsics intrinsics, TemplateOverrides overrides, List<String> warnings,
            String region) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.overrides = overrides;
        this.warnings = warnings;
        this.region = region;
    }

    Map<String, FunctionDefinition> read() {
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        template.ofType("AWS::Serverless::Function").forEach(id -> functions.put(id, function(id)));
        return functions;
    }

    private FunctionDefinition function(String id) {
        Object timeout = setting(id, "Timeout");
        Object memory = setting(id, "MemorySize");
        return new FunctionDefinition(id, intrinsics.string(setting(id, "Handler")), environment(id),
                Duration.ofSeconds(timeout == null ? 3 : Long.parseLong(intrinsics.string(timeout))),
                memory == null ? 128 : Integer.parseInt(intrinsics.string(memory)), region);
    }

    private Object setting(String id, String property) {
        Object own = template.properties(id).get(property);
        return own != null ? own : template.globalFunction().get(property);
    }

    private Map<String, String> environment(String id) {
        Map<String, Object> declared = new LinkedHashMap<>(variables(template.globalFunction()));
        declared.putAll(variables(template.properties(id)));
        Map<String, String> environment = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            // A variable the template removes (AWS::NoValue) stays removed: an override does not resurrect it.
            String resolved = intrinsics.string(value);
            String override = overrides.environmentValue(id, name);
            if (resolved != null) {
                environment.put(name, override != null ? override : dynamicReference(id, name, resolved));
            }
        });
        return environment;
    }

    private String dynamicReference(String function, String variable, String value) {
        if (!value.contains(DYNAMIC_REFERENCE)) {
            return value;
        }
        warnings.add(function + "." + variable + " is the dynamic reference " + value
                + ", which cannot be resolved locally: set it in the --env-vars file under \"" + function + "\"");
        return "UNRESOLVED " + value;
    }

    private static Map<String, Object> variables(Map<String, Object> owner) {
        return map(map(owner.get("Environment")).get("Variables"));
    }
}
