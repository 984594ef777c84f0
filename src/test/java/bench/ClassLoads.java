package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the classes a cold start loaded up to its first response, from the JVM's own log
 * ({@code -Xlog:class+load:file=...}), by phase and by library. {@link ColdStart}'s marker classes
 * split the phases; the harness's own classes ({@code bench.*}) are left out.
 *
 * @param total      classes loaded from JVM start to the first response
 * @param fromCds    of those, how many came from the JDK's class-data-sharing archive (cheap to load)
 * @param byPhase    start (JVM start to main), init, prime, event, first
 * @param byLibrary  the total by the library the class belongs to
 */
record ClassLoads(String function, String mode, long total, long fromCds, Map<String, Long> byPhase,
                  Map<String, Long> byLibrary) {
    private static final Pattern LINE = Pattern.compile("^(?:\\[[^]]*])*\\s*(\\S+) source: (.*)$");
    /** Where each phase ends: the class whose loading marks it. */
    private static final Map<String, String> PHASE_ENDS = Map.of(ColdStart.class.getName(), "start",
            ColdStart.Constructed.class.getName(), "init", ColdStart.Primed.class.getName(), "prime",
            ColdStart.Decoded.class.getName(), "event", ColdStart.Answered.class.getName(), "first");
    /** First match wins, so the CRT sits before the rest of the AWS SDK. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("software.amazon.awssdk.crt.", "aws-crt"), Map.entry("software.amazon.awssdk.", "aws-sdk"),
            Map.entry("software.amazon.lambda.powertools.", "powertools"), Map.entry("org.apache.logging.", "log4j"),
            Map.entry("com.fasterxml.jackson.", "jackson"), Map.entry("org.jose4j.", "jose4j"),
            Map.entry("com.amazonaws.", "lambda-libs"), Map.entry("org.slf4j.", "slf4j"), Map.entry("dagger.", "dagger"),
            Map.entry("domain.", "herald"), Map.entry("ports.", "herald"), Map.entry("adapters.", "herald"),
            Map.entry("java.", "jdk"), Map.entry("javax.", "jdk"), Map.entry("jdk.", "jdk"), Map.entry("sun.", "jdk"),
            Map.entry("com.sun.", "jdk"));

    static ClassLoads count(Path log, Measurement measured) throws IOException {
        Map<String, Long> byPhase = new LinkedHashMap<>();
        Map<String, Long> byLibrary = new LinkedHashMap<>();
        long total = 0;
        long fromCds = 0;
        String phase = "start";
        for (String line : Files.readAllLines(log)) {
            Matcher loaded = LINE.matcher(line);
            if (!loaded.matches()) {
                continue;
            }
            String name = loaded.group(1);
            if (!name.startsWith("bench.")) {
                byPhase.merge(phase, 1L, Long::sum);
                byLibrary.merge(library(name), 1L, Long::sum);
                total++;
                fromCds += loaded.group(2).startsWith("shared objects file") ? 1 : 0;
            }
            if (name.equals(ColdStart.Answered.class.getName())) {
                return new ClassLoads(measured.function(), measured.mode(), total, fromCds, byPhase, byLibrary);
            }
            phase = nextPhase(name, phase);
        }
        throw new IllegalStateException(log + " does not reach the first response");
    }

    /** A Markdown table: one row per function and mode, phases then the libraries that weigh most. */
    static String table(List<ClassLoads> counts) {
        List<String> phases = List.of("start", "init", "prime", "event", "first");
        List<String> libraries = List.of("jdk", "aws-sdk", "aws-crt", "log4j", "jackson", "jose4j", "powertools", "herald");
        StringBuilder out = new StringBuilder("| function | mode | classes | from CDS | ")
                .append(String.join(" | ", phases)).append(" | ").append(String.join(" | ", libraries)).append(" |\n|")
                .append(" --- |".repeat(2)).append(" ---: |".repeat(2 + phases.size() + libraries.size())).append("\n");
        for (ClassLoads count : counts) {
            out.append("| ").append(count.function()).append(" | ").append(count.mode()).append(" | ").append(count.total())
                    .append(" | ").append(count.fromCds());
            phases.forEach(phase -> out.append(" | ").append(count.byPhase().getOrDefault(phase, 0L)));
            libraries.forEach(library -> out.append(" | ").append(count.byLibrary().getOrDefault(library, 0L)));
            out.append(" |\n");
        }
        return out.toString();
    }

    private static String nextPhase(String className, String phase) {
        return switch (PHASE_ENDS.getOrDefault(className, "")) {
            case "start" -> "init";
            case "init" -> "prime";
            case "prime" -> "event";
            case "event" -> "first";
            default -> phase;
        };
    }

    private static String library(String className) {
        return LIBRARIES.stream().filter(library -> className.startsWith(library.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }
}
