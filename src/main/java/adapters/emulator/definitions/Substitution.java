package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.list;
import static adapters.emulator.definitions.Template.map;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Fn::Sub}: {@code ${Param}}, {@code ${Resource.Attribute}}, {@code ${!Literal}} and the variable-map form. */
final class Substitution {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Intrinsics intrinsics;
    private final LocalReferences references;

    Substitution(Intrinsics intrinsics, LocalReferences references) {
        this.intrinsics = intrinsics;
        this.references = references;
    }

    String apply(Object argument) {
        String text = argument instanceof String s ? s : String.valueOf(list(argument).get(0));
        Map<String, Object> variables = argument instanceof String ? Map.of() : map(list(argument).get(1));
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), variables)));
        }
        return matcher.appendTail(out).toString();
    }

    private String value(String name, Map<String, Object> variables) {
        if (name.startsWith("!")) {
            return "${" + name.substring(1) + "}";
        }
        if (variables.containsKey(name)) {
            return intrinsics.string(variables.get(name));
        }
        int dot = name.indexOf('.');
        if (dot < 0 || references.isAliasOrVersion(name)) {
            return String.valueOf(references.ref(name, intrinsics));
        }
        return String.valueOf(references.getAtt(name.substring(0, dot), name.substring(dot + 1), intrinsics));
    }
}
