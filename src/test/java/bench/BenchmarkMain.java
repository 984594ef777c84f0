package bench;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the JMH benchmarks of this package from the test class path (no separate jar):
 * {@code mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" bench.BenchmarkMain}.
 * Any JMH option may follow, e.g. {@code FanOut -f 1 -wi 2 -i 3}.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        org.openjdk.jmh.Main.main(args.length == 0 ? new String[] {"bench\\..*"} : args);
    }
}
