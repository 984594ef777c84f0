package adapters.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import domain.RetryPolicy;
import domain.Sleeper;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javax.inject.Singleton;
import org.crac.Resource;

/**
 * Real time for a deployed function: the system clock, real sleeps, threads on which a batch's messages are delivered
 * at once, and backoff jitter that is reseeded after a SnapStart restore. Contributes that reseed to the component's
 * set of snapshot hooks ({@link Resource}s), which the Lambda composition root registers with CRaC.
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

    /**
     * A cached pool: one thread per message being delivered, which mostly waits on DynamoDB and on its pushes (whose
     * bound is {@link DomainModule#PUSH_CONCURRENCY} per batch), and none once idle for a minute. So at most a batch
     * of them in a Lambda environment, which runs one invocation at a time, and a batch per poller locally. The first
     * thread starts when priming delivers its notification before a SnapStart snapshot; an idle one holds no
     * connection, clock reading or randomness, so a restored copy uses it or lets it time out. Daemon threads, so
     * that they never keep a JVM from exiting.
     */
    @Provides
    @Singleton
    @BatchExecutor
    static Executor batchExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "batch-message-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
