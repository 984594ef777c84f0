package adapters.lambda;

import domain.HistoryPolicy;
import domain.Limits;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a function's configuration from its environment variables in one place. Every problem is
 * collected first, so a misconfigured function fails at start-up with one message naming all the
 * variables to fix, not one at a time.
 */
public final class LambdaEnvironment {
    private final Map<String, String> variables;
    private final List<String> problems = new ArrayList<>();

    public LambdaEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** Reads settings with an adapter's own reader, which throws naming what is wrong. */
    public <T> T read(Function<Map<String, String>, T> reader) {
        try {
            return reader.apply(variables);
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
        }
        return value;
    }

    public Limits limits() {
        int connections = integer("MAX_CONNECTIONS_PER_USER", Limits.DEFAULT.maxConnectionsPerUser());
        int subscriptions = integer("MAX_SUBSCRIPTIONS_PER_CONNECTION", Limits.DEFAULT.maxSubscriptionsPerConnection());
        return new Limits(connections, subscriptions, Limits.DEFAULT.maxConnectionDuration(), Limits.DEFAULT.expiryGrace());
    }

    /**
     * How long history is kept and how a resume reads it: {@code HISTORY_RETENTION} (ISO-8601, {@code PT0S} turns it
     * off), {@code RESUME_MARGIN} and {@code RESUME_CAP}, each defaulting to {@link HistoryPolicy#DEFAULT}.
     */
    public HistoryPolicy historyPolicy() {
        HistoryPolicy defaults = HistoryPolicy.DEFAULT;
        Duration retention = duration("HISTORY_RETENTION", defaults.retention());
        Duration margin = duration("RESUME_MARGIN", defaults.margin());
        int cap = integer("RESUME_CAP", defaults.cap());
        return new HistoryPolicy(retention, margin, cap);
    }

    /** Throws, naming every problem found so far, if there is any. */
    public void requireNoProblems() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Herald is misconfigured: " + String.join("; ", problems));
        }
    }

    private Duration duration(String name, Duration fallback) {
        Optional<String> value = Optional.ofNullable(variables.get(name)).filter(text -> !text.isBlank());
        try {
            Duration parsed = value.map(Duration::parse).orElse(fallback);
            if (parsed.isNegative()) {
                throw new DateTimeParseException("negative", value.orElse(""), 0);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 duration such as PT24H (PT0S for none), got '" + value.orElse("") + "'");
            return fallback;
        }
    }

    private int integer(String name, int fallback) {
        Optional<String> value = Optional.ofNullable(variables.get(name)).filter(text -> !text.isBlank());
        try {
            int parsed = value.map(Integer::parseInt).orElse(fallback);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a positive whole number, got '" + value.orElse("") + "'");
            return fallback;
        }
    }
}
