package adapters.emulator.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which resource an unevaluated property points at ({@code !Ref X}, {@code !Ref X.Alias},
 * {@code !GetAtt X.Arn}, {@code !Sub ...${X.Alias}...}), so a route can be traced to its integration and function.
 */
final class ResourceLinks {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}.!]+)[^}]*}");

    private ResourceLinks() {
    }

    static Optional<String> find(Object node, Predicate<String> wanted) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names.stream().filter(wanted).findFirst();
    }

    private static void collect(Object node, List<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (key.equals("Ref") && value instanceof String name) {
                    names.add(name.split("\\.")[0]);
                } else if (key.equals("Fn::GetAtt")) {
                    names.add(String.valueOf(value instanceof List<?> l ? l.get(0) : value).split("\\.")[0]);
                } else if (key.equals("Fn::Sub")) {
                    subVariables(value instanceof List<?> l ? l.get(0) : value, names);
                    collect(value instanceof List<?> l && l.size() > 1 ? l.get(1) : null, names);
                } else {
                    collect(value, names);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }

    private static void subVariables(Object text, List<String> names) {
        Matcher matcher = SUB_VARIABLE.matcher(String.valueOf(text));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
