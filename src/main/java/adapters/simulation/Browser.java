package adapters.simulation;

import domain.Position;
import domain.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a browser keeps across its connections, as herald-client.js does: the last position it saw per target, the
 * notification ids it has already shown (it drops repeats), and the spans during which it heard a target without a
 * gap, its reconnections bridged by complete resumes.
 */
final class Browser {
    /** One span of hearing a target; {@code to} is null while it lasts. */
    record Hearing(Target target, Instant from, Instant to) {
        /** Heard from before {@code start} until after {@code end}: everything published and settled between is owed. */
        boolean covers(Instant start, Instant end) {
            return from.isBefore(start) && (to == null || to.isAfter(end));
        }
    }

    private final Map<Target, Position> cursors = new LinkedHashMap<>();
    private final Map<Target, Instant> hearingSince = new LinkedHashMap<>();
    private final List<Hearing> hearings = new ArrayList<>();
    private final Set<String> shown = new HashSet<>();
    long repeatsDropped;

    /** Where to resume the target from: empty when the browser is not hearing it, or has no position for it. */
    Optional<Position> cursor(Target target) {
        return hearingSince.containsKey(target) ? Optional.ofNullable(cursors.get(target)) : Optional.empty();
    }

    boolean isHearing(Target target) {
        return hearingSince.containsKey(target);
    }

    /** A resume or subscribe answered with a position: hearing goes on (or starts) from there. */
    void hears(Target target, Instant since, Position position) {
        hearingSince.putIfAbsent(target, since);
        advance(target, position);
    }

    /** The gap since {@code lastHeard} was not bridged: the span ends there. */
    void stopsHearing(Target target, Instant lastHeard) {
        Instant since = hearingSince.remove(target);
        cursors.remove(target);
        if (since != null) {
            hearings.add(new Hearing(target, since, lastHeard));
        }
    }

    /** Shows an event unless its id was shown before; returns whether it was shown. */
    boolean show(String notificationId, Target target, Optional<Position> position) {
        if (isHearing(target)) {
            position.ifPresent(seen -> advance(target, seen));
        }
        if (!shown.add(notificationId)) {
            repeatsDropped++;
            return false;
        }
        return true;
    }

    boolean hasShown(String notificationId) {
        return shown.contains(notificationId);
    }

    /** Every span, those still lasting included. */
    List<Hearing> hearings() {
        List<Hearing> all = new ArrayList<>(hearings);
        hearingSince.forEach((target, since) -> all.add(new Hearing(target, since, null)));
        return all;
    }

    /** Spans still lasting end when the browser was last connected. */
    void closeAt(Instant lastConnected) {
        List.copyOf(hearingSince.keySet()).forEach(target -> stopsHearing(target, lastConnected));
    }

    private void advance(Target target, Position position) {
        cursors.merge(target, position, (old, seen) -> seen.compareTo(old) > 0 ? seen : old);
    }
}
