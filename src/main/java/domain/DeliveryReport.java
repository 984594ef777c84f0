package domain;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What one fan-out of one notification achieved, per connection. */
public record DeliveryReport(String notificationId, Map<ConnectionId, DeliveryOutcome> outcomes, int rounds, Duration elapsed) {

    public DeliveryReport {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    public long count(DeliveryOutcome outcome) {
        return outcomes.values().stream().filter(outcome::equals).count();
    }

    /** True when some connection may still be reached by trying again later. */
    public boolean hasRetryableFailures() {
        return outcomes.containsValue(DeliveryOutcome.STILL_FAILING);
    }

    public boolean hasPermanentFailures() {
        return outcomes.containsValue(DeliveryOutcome.FAILED_PERMANENTLY);
    }

    /** For example {@code delivered=3 evicted=1 still_failing=1}. */
    public String summary() {
        Map<DeliveryOutcome, Long> counts = new EnumMap<>(DeliveryOutcome.class);
        outcomes.values().forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        if (counts.isEmpty()) {
            return "no live connections";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getKey().name().toLowerCase() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
