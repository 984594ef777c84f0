package domain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an entry sits in its target's history: the millisecond it was appended, then a tiebreak between entries of
 * the same millisecond. Positions order by time, and their text ({@code 0001764650000123-00c0ffee00c0ffee}) orders
 * the same way, so a store can keep them as a sort key. Each Notifier stamps positions with its own clock, so an
 * entry appended by a slow Notifier can sit before one a client has already seen; {@link HistoryPolicy#margin()}
 * covers that.
 */
public record Position(long epochMillis, long tiebreak) implements Comparable<Position> {
    /** The CloudEvents extension attribute that carries an event's position to the browser. */
    public static final String ATTRIBUTE = "heraldposition";
    /** What the attribute adds to an event: {@code "heraldposition":"<30 characters>",}, rounded up. */
    public static final int ATTRIBUTE_BYTES = 64;
    private static final Pattern TEXT = Pattern.compile("\\d{13}-[0-9a-f]{16}");

    public Position {
        if (epochMillis < 0) {
            throw new IllegalArgumentException("a position cannot be before 1970");
        }
    }

    /** The position of an attempt to deliver a notification, appended now. */
    public static Position of(Instant appendedAt, String notificationId, int attempt) {
        return new Position(appendedAt.toEpochMilli(), fnv1a(notificationId + "#" + attempt));
    }

    /** The first position of a millisecond: every entry appended at or after {@code at} is at or after it. */
    public static Position first(Instant at) {
        return new Position(Math.max(0, at.toEpochMilli()), Long.MIN_VALUE);
    }

    /** Reads a position a client sent back; empty when it is not one Herald could have issued. */
    public static Optional<Position> parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Position(Long.parseLong(text.substring(0, 13)),
                Long.parseUnsignedLong(text.substring(14), 16) ^ Long.MIN_VALUE));
    }

    public Instant instant() {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** Thirteen digits of milliseconds, a dash and sixteen hex digits: ordered as text as the positions are. */
    public String text() {
        String millis = Long.toString(epochMillis);
        String hex = Long.toHexString(tiebreak ^ Long.MIN_VALUE);
        return "0".repeat(Math.max(0, 13 - millis.length())) + millis + "-" + "0".repeat(16 - hex.length()) + hex;
    }

    @Override
    public int compareTo(Position other) {
        int byTime = Long.compare(epochMillis, other.epochMillis);
        return byTime != 0 ? byTime : Long.compare(tiebreak, other.tiebreak);
    }

    @Override
    public String toString() {
        return text();
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
