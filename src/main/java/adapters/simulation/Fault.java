package adapters.simulation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of trouble the simulation can inject. */
public enum Fault {
    /** Clients drop off the network without a $disconnect; their next push answers GONE. */
    VANISH,
    /** Bursts of THROTTLED answers from the gateway. */
    THROTTLING,
    /** Single transient push failures (5xx, timeouts). */
    TRANSIENT,
    /** The connection store fails an operation now and then. */
    STORE,
    /** The notifier dies in the middle of a batch; the unfinished messages come back after the visibility timeout. */
    CRASH,
    /** The queue hands out a message twice. */
    DUPLICATES,
    /** Clients present tokens that have already expired. */
    TOKEN_EXPIRY,
    /**
     * Notifier runs overlap: a batch stamps its history entries up to the Notifier's timeout before it pushes them,
     * while other batches push later entries and browsers drop and resume in between.
     */
    INTERLEAVE;

    /** Parses {@code all}, {@code none}, or a comma-separated list such as {@code vanish,store}. */
    public static Set<Fault> parse(String text) {
        String spec = text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("all")) {
            return EnumSet.allOf(Fault.class);
        }
        EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
        if (spec.isEmpty() || spec.equals("none")) {
            return faults;
        }
        for (String name : spec.split(",")) {
            try {
                faults.add(Fault.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault '" + name.trim() + "'; known: all, none, "
                        + String.join(", ", EnumSet.allOf(Fault.class).stream()
                        .map(fault -> fault.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()), e);
            }
        }
        return faults;
    }
}
