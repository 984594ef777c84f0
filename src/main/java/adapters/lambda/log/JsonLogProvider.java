package adapters.lambda.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's backend in the deployed jar, found through {@code META-INF/services}, which only herald-lambda.jar carries
 * (pom.xml): herald.jar keeps Log4j for the command line and the local stack.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
    private ILoggerFactory loggers;
    private IMarkerFactory markers;
    private MDCAdapter fields;

    @Override
    public void initialize() {
        loggers = new JsonLoggers(System.getenv(), () -> System.out);
        markers = new BasicMarkerFactory();
        fields = new LogFields();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return fields;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
