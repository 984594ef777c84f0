package adapters.lambda.log;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger: events at or above its level become JSON lines on standard output. */
final class JsonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final int threshold;
    private final transient Supplier<PrintStream> out;

    JsonLogger(String name, Level threshold, Supplier<PrintStream> out) {
        this.name = name;
        this.threshold = threshold.toInt();
        this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold <= Level.TRACE.toInt();
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Level.DEBUG.toInt();
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold <= Level.INFO.toInt();
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold <= Level.WARN.toInt();
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold <= Level.ERROR.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable error) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        byte[] line = JsonLines.line(level, message, error, System.currentTimeMillis(), ExecutionEnvironment.fragment(),
                LogFields.current());
        // Looked up per line: Lambda's runtime replaces System.out before it loads the handler.
        out.get().write(line, 0, line.length);
    }
}
