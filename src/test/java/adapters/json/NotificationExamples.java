package adapters.json;

import domain.NotificationDefect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example queue messages under {@code src/test/resources/notifications/}. A file's name starts
 * with what the Notifier must make of it: {@code accepted.} or the {@link NotificationDefect}'s name.
 */
final class NotificationExamples {

    /** @param defect empty when the body must decode to a notification */
    record Example(String name, String body, Optional<NotificationDefect> defect) {
        boolean accepted() {
            return defect.isEmpty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private NotificationExamples() {
    }

    /** Every file, plus one generated body just over 128 KB that is valid in every other respect. */
    static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            files.sorted().forEach(file -> examples.add(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        examples.add(tooLarge());
        return examples;
    }

    static Example named(String name) {
        return all().stream().filter(example -> example.name().equals(name)).findFirst().orElseThrow();
    }

    static Example tooLarge() {
        String padding = "x".repeat(131_072);
        String body = "{\"specversion\":\"1.0\",\"id\":\"evt-big\",\"source\":\"/jobs\",\"type\":\"com.example.job.done\","
                + "\"userid\":\"user-42\",\"data\":\"" + padding + "\"}";
        return new Example("TOO_LARGE.generated", body, Optional.of(NotificationDefect.TOO_LARGE));
    }

    private static Example read(Path file) {
        String name = file.getFileName().toString();
        String outcome = name.substring(0, name.indexOf('.'));
        Optional<NotificationDefect> defect = outcome.equals("accepted") ? Optional.empty() : Optional.of(NotificationDefect.valueOf(outcome));
        try {
            return new Example(name, Files.readString(file, StandardCharsets.UTF_8).strip(), defect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        URL url = NotificationExamples.class.getClassLoader().getResource("notifications");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
