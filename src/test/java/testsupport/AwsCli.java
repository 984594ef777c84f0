package testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the tests that drive the real AWS CLI share: finding it, and keeping it away from any real account. */
public final class AwsCli {
    private AwsCli() {
    }

    /** True when {@code aws} is an executable on PATH. */
    public static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "aws")));
    }

    /** Dummy keys, no profile, and no instance-metadata lookup: the CLI must reach nothing but the local server. */
    public static void withDummyCredentials(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    }
}
