package adapters.local.gateway;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends what a handler writes to {@code context.getLogger()} to SLF4J, under the function's name. */
final class Slf4jLambdaLogger implements LambdaLogger {
    private final Logger log;

    Slf4jLambdaLogger(String functionName) {
        this.log = LoggerFactory.getLogger("lambda." + functionName);
    }

    @Override
    public void log(String message) {
        log.info(message);
    }

    @Override
    public void log(byte[] message) {
        log.info(new String(message, StandardCharsets.UTF_8));
    }
}
