package bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What {@link ColdStartBenchmark} runs; its class comment lists the flags and their defaults. */
record Options(int runs, List<Function> functions, List<String> modes, boolean classLoads, String classpath, Path out,
               List<String> jvmFlags, boolean plainBaseline) {
    static Options parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return new Options(Integer.parseInt(given.getOrDefault("runs", "7")),
                Arrays.stream(given.getOrDefault("functions", "noop,connect,disconnect,default,notifier").split(","))
                        .map(Function::of).toList(),
                List.of(given.getOrDefault("modes", "unprimed,primed").split(",")),
                Boolean.parseBoolean(given.getOrDefault("class-loads", "true")),
                given.getOrDefault("classpath", "target/herald-lambda.jar:target/test-classes"),
                Path.of(given.getOrDefault("out", "target/bench")),
                Arrays.stream(given.getOrDefault("jvm-flags", "").split("\\s+")).filter(flag -> !flag.isEmpty()).toList(),
                given.getOrDefault("baseline", "flagged").equals("plain"));
    }

    /**
     * The flags a function's runs get: {@code --jvm-flags}, except for the no-op under {@code --baseline plain}, so
     * that a start-up aid given to Herald's functions (an application class-data archive) is measured against the
     * plain Java handler the goal names rather than against a no-op that has the aid too.
     */
    List<String> flagsFor(Function function) {
        return plainBaseline && function == Function.NOOP ? List.of() : jvmFlags;
    }
}
