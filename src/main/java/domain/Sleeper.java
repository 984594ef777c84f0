package domain;

import java.time.Duration;

/** Waits between retries; the simulation advances a virtual clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void sleep(Duration duration);
}
