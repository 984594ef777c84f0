package adapters.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import domain.RetryPolicy;
import domain.Sleeper;
import java.time.Clock;
import java.util.random.RandomGenerator;
import javax.inject.Singleton;
import org.crac.Resource;

/**
 * Real time for a deployed function: the system clock, real sleeps, and backoff jitter that is reseeded after a
 * SnapStart restore. Contributes that reseed to the component's set of snapshot hooks ({@link Resource}s), which the
 * Lambda composition root registers with CRaC.
 */
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
    static RestoreSafeRandom restoreSafeRandom() {
        return new RestoreSafeRandom();
    }

    @Provides
    static RandomGenerator jitter(RestoreSafeRandom random) {
        return random;
    }

    @Provides
    @IntoSet
    static Resource reseedJitterAfterRestore(RestoreSafeRandom random) {
        return random;
    }

    @Provides
    @Singleton
    static RetryPolicy retryPolicy(RandomGenerator jitter) {
        return RetryPolicy.standard(jitter);
    }
}
