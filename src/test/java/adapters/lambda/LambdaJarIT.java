package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * target/herald-lambda.jar, the artifact the SAM template deploys, is complete on its own: each
 * handler loads and builds its whole graph from that jar alone, as Lambda would, and the local
 * stack's libraries stay out of it. What ships is chosen by package, and an extra package fails here.
 */
class LambdaJarIT {
    private static final Path JAR = Path.of("target/herald-lambda.jar");
    /** Where Herald's own classes live; anything else in the jar is a library. */
    private static final List<String> HERALD = List.of("domain/", "ports/", "adapters/");
    /** The packages pom.xml's shade filter names: the core, the deployed composition root and the families it wires. */
    private static final List<String> DEPLOYED = List.of("domain", "ports", "adapters/lambda", "adapters/wiring",
            "adapters/apigateway", "adapters/dynamodb", "adapters/jose4j", "adapters/json", "adapters/sqs");

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("DYNAMO_TABLE_NAME", "WebSocketConnections");
        environment.put("JWT_SECRET", "a-secret-from-secrets-manager-of-32-bytes-or-more");
        environment.put("WS_API_ENDPOINT", "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/prod");
        environment.put("DEAD_LETTER_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/outbound-messages-dlq");
        return environment;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ConnectHandler", "DisconnectHandler", "DefaultHandler", "NotifierHandler"})
    void eachHandler_buildsItsGraphFromTheLambdaJarAlone(String handler) throws Exception {
        try (URLClassLoader lambda = new URLClassLoader(new URL[]{JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = lambda.loadClass("adapters.lambda." + handler);

            Object instance = type.getConstructor(Map.class).newInstance(environment());

            assertThat(instance.getClass().getClassLoader()).isSameAs(lambda);
        }
    }

    @Test
    void theLambdaJarHoldsOnlyTheDeployedPackages() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Set<String> heraldPackages = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && HERALD.stream().anyMatch(name::startsWith))
                    .map(name -> name.substring(0, name.lastIndexOf('/')))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> extras = heraldPackages.stream()
                    .filter(found -> DEPLOYED.stream().noneMatch(deployed -> found.equals(deployed) || found.startsWith(deployed + "/")))
                    .toList();

            assertThat(extras).as("Herald packages in the Lambda jar that are not deployed; it holds %s", heraldPackages).isEmpty();
            assertThat(heraldPackages).containsAll(DEPLOYED);
        }
    }

    @Test
    void theLambdaJarLeavesOutTheLocalStacksLibrariesAndForeignNatives() throws Exception {
        assertThat(Files.size(JAR)).isLessThan(Files.size(Path.of("target/herald.jar")));
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.startsWith("org/elasticmq/") || name.startsWith("org/apache/pekko/")
                            || name.startsWith("scala/") || name.startsWith("io/netty/") || name.startsWith("picocli/")
                            || name.startsWith("osx/") || name.startsWith("windows/"))
                    .contains("linux/x86_64/glibc/libaws-crt-jni.so", "linux/armv8/glibc/libaws-crt-jni.so");
        }
    }
}
