package adapters.lambda.log;

import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC for the JSON lines: each thread's fields in insertion order, in two parallel arrays, so that putting,
 * replacing and clearing a field copies nothing (Log4j's default map copies itself on every put). Deques, which Herald
 * does not use, are SLF4J's own.
 */
final class LogFields implements MDCAdapter {
    private static final ThreadLocal<Fields> FIELDS = ThreadLocal.withInitial(Fields::new);
    private final BasicMDCAdapter deques = new BasicMDCAdapter();

    /** The calling thread's fields, as the next line will carry them. */
    static Fields current() {
        return FIELDS.get();
    }

    @Override
    public void put(String key, String value) {
        FIELDS.get().put(key, value);
    }

    @Override
    public String get(String key) {
        return FIELDS.get().get(key);
    }

    @Override
    public void remove(String key) {
        FIELDS.get().remove(key);
    }

    @Override
    public void clear() {
        FIELDS.get().clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        Fields fields = FIELDS.get();
        Map<String, String> copy = new LinkedHashMap<>();
        for (int i = 0; i < fields.size; i++) {
            copy.put(fields.keys[i], fields.values[i]);
        }
        return copy;
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        Fields fields = FIELDS.get();
        fields.clear();
        contextMap.forEach(fields::put);
    }

    @Override
    public void pushByKey(String key, String value) {
        deques.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return deques.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return deques.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        deques.clearDequeByKey(key);
    }

    /** One thread's fields. A dozen at most in practice, so a linear search beats hashing. */
    static final class Fields {
        String[] keys = new String[16];
        String[] values = new String[16];
        int size;

        void put(String key, String value) {
            int at = indexOf(key);
            if (at >= 0) {
                values[at] = value;
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
        }

        String get(String key) {
            int at = indexOf(key);
            return at < 0 ? null : values[at];
        }

        void remove(String key) {
            int at = indexOf(key);
            if (at >= 0) {
                System.arraycopy(keys, at + 1, keys, at, size - at - 1);
                System.arraycopy(values, at + 1, values, at, size - at - 1);
                size--;
                keys[size] = null;
                values[size] = null;
            }
        }

        void clear() {
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        private int indexOf(String key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
