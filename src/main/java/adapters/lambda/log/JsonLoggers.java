package adapters.lambda.log;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The loggers and their levels: the stricter of {@code POWERTOOLS_LOG_LEVEL} and {@code AWS_LAMBDA_LOG_LEVEL}
 * (Lambda's application log level, which the JSON log format sets), INFO if neither is set; the AWS SDK at WARN or
 * above, as before. The template never sets Lambda's level above INFO, since Lambda filters lines without a level
 * (the metrics) as INFO; POWERTOOLS_LOG_LEVEL raises ours.
 */
final class JsonLoggers implements ILoggerFactory {
    private static final String QUIET_PREFIX = "software.amazon.awssdk";
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Level root;
    private final Supplier<PrintStream> out;

    JsonLoggers(Map<String, String> environment, Supplier<PrintStream> out) {
        Level powertools = level(environment.get("POWERTOOLS_LOG_LEVEL"));
        Level lambda = level(environment.get("AWS_LAMBDA_LOG_LEVEL"));
        this.root = powertools.toInt() >= lambda.toInt() ? powertools : lambda;
        this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, this::create);
    }

    private Logger create(String name) {
        Level level = name.startsWith(QUIET_PREFIX) && root.toInt() < Level.WARN.toInt() ? Level.WARN : root;
        return new JsonLogger(name, level, out);
    }

    /** FATAL, which Lambda's setting allows and SLF4J lacks, is ERROR; anything unreadable is INFO. */
    static Level level(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("FATAL")) {
            return Level.ERROR;
        }
        for (Level level : Level.values()) {
            if (level.name().equals(upper)) {
                return level;
            }
        }
        return Level.INFO;
    }
}
