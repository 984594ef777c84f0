package adapters.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Marks the {@link java.util.concurrent.Executor} on which the messages of one batch are delivered at once. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface BatchExecutor {
}
