package adapters.wiring;

import dagger.Module;
import dagger.Provides;
import domain.RetryPolicy;
import domain.Sleeper;
import java.time.Clock;
import java.util.SplittableRandom;
import javax.inject.Singleton;

/** Real time for a deployed function: the system clock, real sleeps, randomised backoff. */
@Module
public interface RuntimeModule {

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    static Sleeper sleeper() {
        return Sleeper.REAL;
    }

    @Provides
    @Singleton
    static RetryPolicy retryPolicy() {
        return RetryPolicy.standard(new SplittableRandom());
    }
}
