package adapters.simulation;

import adapters.memory.InMemoryMessageQueue;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import ports.ConnectionRepository;
import ports.MessageSource;
import ports.NotificationHistory;
import ports.PushGateway;
import ports.TokenVerifier;
import adapters.memory.InMemoryTokenVerifier;

/**
 * Binds the ports to the in-memory adapters wrapped in fault injectors. Needs the run's
 * {@link VirtualClock}, {@link FaultPlan} and {@link Ledger} from the component.
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

    @Provides
    @Singleton
    static InMemoryMessageQueue queue(VirtualClock clock) {
        return new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, clock);
    }
}
