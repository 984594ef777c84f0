package adapters.simulation;

import adapters.memory.InMemoryMessageQueue;
import adapters.wiring.BatchExecutor;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.concurrent.Executor;
import javax.inject.Singleton;
import ports.ConnectionRepository;
import ports.MessageSource;
import ports.NotificationHistory;
import ports.PushGateway;
import ports.TokenVerifier;
import adapters.memory.InMemoryTokenVerifier;

/**
 * Binds the ports to the in-memory adapters wrapped in fault injectors, and runs a batch's messages on the simulation's
 * own thread. Needs the run's {@link VirtualClock}, {@link FaultPlan} and {@link Ledger} from the component.
 */
@Module
public interface SimulationModule {

    @Binds
    ConnectionRepository connectionRepository(FaultyConnectionRepository repository);

    @Binds
    PushGateway pushGateway(FaultyPushGateway gateway);

    @Binds
    MessageSource messageSource(DuplicatingMessageSource source);

    @Binds
    TokenVerifier tokenVerifier(InMemoryTokenVerifier verifier);

    @Binds
    NotificationHistory notificationHistory(FaultyNotificationHistory history);

    @Binds
    Clock clock(NotifierClock clock);

    /** A batch's messages one after another on the simulation's thread, so that a seed replays the same run. */
    @Provides
    @BatchExecutor
    static Executor sameThread() {
        return Runnable::run;
    }

    @Provides
    @Singleton
    static InMemoryMessageQueue queue(VirtualClock clock) {
        return new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, clock);
    }
}
