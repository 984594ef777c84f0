package adapters.lambda.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.slf4j.event.Level;

/**
 * Writes one log event as one line of JSON with Powertools' field names ({@code level}, {@code message},
 * {@code error.message/name/stack}, {@code timestamp}, then the function's and the invocation's fields), so that
 * Logs Insights queries written against Powertools' layout keep working and Lambda's JSON log format reads the level
 * and time. Nothing here loads beyond a few JDK classes: the JSON is written by hand.
 */
final class JsonLines {
    private static final int MILLIS_PER_DAY = 86_400_000;
    private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private JsonLines() {
    }

    /** The line, newline included, in UTF-8: one write, so concurrent lines never interleave. */
    static byte[] line(Level level, String message, Throwable error, long epochMillis, String environment,
                       LogFields.Fields fields) {
        StringBuilder json = BUFFERS.get();
        json.setLength(0);
        json.append("{\"level\":\"").append(level.name()).append("\",\"message\":");
        string(json, message);
        if (error != null) {
            error(json, error);
        }
        json.append(",\"timestamp\":\"");
        timestamp(json, epochMillis);
        json.append('"').append(environment);
        for (int i = 0; i < fields.size; i++) {
            json.append(',');
            string(json, fields.keys[i]);
            json.append(':');
            value(json, fields.keys[i], fields.values[i]);
        }
        json.append("}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string, quoted and escaped; {@code null} as JSON's null. */
    static void string(StringBuilder json, String text) {
        if (text == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Powertools writes {@code cold_start} as a boolean; every other field is a string. */
    private static void value(StringBuilder json, String key, String value) {
        if (key.equals(InvocationLog.COLD_START) && ("true".equals(value) || "false".equals(value))) {
            json.append(value);
        } else {
            string(json, value);
        }
    }

    private static void error(StringBuilder json, Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        json.append(",\"error\":{\"message\":");
        string(json, error.getMessage());
        json.append(",\"name\":");
        string(json, error.getClass().getName());
        json.append(",\"stack\":");
        string(json, stack.toString());
        json.append('}');
    }

    /** yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, Powertools' pattern, without loading java.time's formatters. */
    static void timestamp(StringBuilder json, long epochMillis) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        json.append(date.getYear()).append('-');
        twoDigits(json, date.getMonthValue()).append('-');
        twoDigits(json, date.getDayOfMonth()).append('T');
        twoDigits(json, millisOfDay / 3_600_000).append(':');
        twoDigits(json, millisOfDay / 60_000 % 60).append(':');
        twoDigits(json, millisOfDay / 1000 % 60).append('.');
        int millis = millisOfDay % 1000;
        json.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append('Z');
    }

    private static StringBuilder twoDigits(StringBuilder json, int value) {
        return json.append(value < 10 ? "0" : "").append(value);
    }
}
