package adapters.emulator.definitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The raw template: typed access to its sections without evaluating anything. */
record Template(Map<String, Object> document) {

    Map<String, Object> resources() {
        return map(document.get("Resources"));
    }

    Map<String, Object> section(String name) {
        return map(document.get(name));
    }

    Map<String, Object> resource(String logicalId) {
        return map(resources().get(logicalId));
    }

    String type(String logicalId) {
        Object type = resource(logicalId).get("Type");
        return type == null ? "" : type.toString();
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    boolean isResource(String logicalId) {
        return resources().containsKey(logicalId);
    }

    boolean isFunction(String logicalId) {
        String type = type(logicalId);
        return type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> ofType(String type) {
        return resources().keySet().stream().filter(id -> type(id).equals(type)).collect(Collectors.toList());
    }

    Map<String, Object> globalFunction() {
        return map(map(document.get("Globals")).get("Function"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
