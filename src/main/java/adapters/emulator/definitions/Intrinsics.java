package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.list;
import static adapters.emulator.definitions.Template.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates CloudFormation intrinsic functions to local values; {@link #NO_VALUE} stands for {@code AWS::NoValue}
 * and disappears from the maps and lists that hold it.
 */
final class Intrinsics {
    static final Object NO_VALUE = new Object();

    private final Template template;
    private final LocalReferences references;
    private final Substitution substitution;

    Intrinsics(Template template, LocalReferences references) {
        this.template = template;
        this.references = references;
        this.substitution = new Substitution(this, references);
    }

    Object resolve(Object node) {
        if (node instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                return function(key, m.values().iterator().next());
            }
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            m.forEach((k, v) -> keep(resolve(v), value -> resolved.put(String.valueOf(k), value)));
            return resolved;
        }
        if (node instanceof List<?> l) {
            List<Object> resolved = new ArrayList<>();
            l.forEach(item -> keep(resolve(item), resolved::add));
            return resolved;
        }
        return node;
    }

    String string(Object node) {
        Object value = resolve(node);
        return value == NO_VALUE || value == null ? null : value instanceof List<?> l
                ? l.stream().map(String::valueOf).collect(Collectors.joining(",")) : value.toString();
    }

    boolean condition(String name) {
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new IllegalArgumentException("the template has no condition " + name);
        }
        return Boolean.TRUE.equals(resolve(definition));
    }

    private Object function(String name, Object argument) {
        List<Object> args = list(argument);
        switch (name) {
            case "Ref": return references.ref(String.valueOf(argument), this);
            case "Condition": return condition(String.valueOf(argument));
            case "Fn::Sub": return substitution.apply(argument);
            case "Fn::GetAtt": return getAtt(argument);
            case "Fn::If": return resolve(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
            case "Fn::Equals": return Objects.equals(string(args.get(0)), string(args.get(1)));
            case "Fn::Not": return !truth(args.get(0));
            case "Fn::And": return args.stream().allMatch(this::truth);
            case "Fn::Or": return args.stream().anyMatch(this::truth);
            case "Fn::Join": return list(resolve(args.get(1))).stream().map(String::valueOf)
                    .collect(Collectors.joining(string(args.get(0))));
            case "Fn::Select": return list(resolve(args.get(1))).get(Integer.parseInt(string(args.get(0))));
            case "Fn::Split": return List.of(string(args.get(1)).split(java.util.regex.Pattern.quote(string(args.get(0))), -1));
            case "Fn::FindInMap": return findInMap(args);
            case "Fn::Base64": return java.util.Base64.getEncoder().encodeToString(string(argument).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            default: return references.unsupported(name, argument);
        }
    }

    private boolean truth(Object node) {
        return Boolean.TRUE.equals(resolve(node));
    }

    private Object getAtt(Object argument) {
        List<Object> parts = argument instanceof String s ? List.of(s.split("\\.", 2)) : list(argument);
        return references.getAtt(String.valueOf(parts.get(0)), string(parts.get(1)), this);
    }

    private Object findInMap(List<Object> args) {
        Map<String, Object> mapping = map(template.section("Mappings").get(string(args.get(0))));
        return resolve(map(mapping.get(string(args.get(1)))).get(string(args.get(2))));
    }

    private static void keep(Object value, java.util.function.Consumer<Object> sink) {
        if (value != NO_VALUE) {
            sink.accept(value);
        }
    }
}
