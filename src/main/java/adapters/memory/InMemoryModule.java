package adapters.memory;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import ports.ConnectionRepository;
import ports.MessageSource;
import ports.PushGateway;
import ports.TokenVerifier;

/**
 * Binds every port to its in-memory adapter. Needs a {@link Clock} and
 * {@link InMemoryMessageQueue.Settings} from the component.
 */
@Module
public interface InMemoryModule {

    @Binds
    ConnectionRepository connectionRepository(InMemoryConnectionRepository repository);

    @Binds
    PushGateway pushGateway(InMemoryPushGateway gateway);

    @Binds
    TokenVerifier tokenVerifier(InMemoryTokenVerifier verifier);

    @Binds
    MessageSource messageSource(InMemoryMessageQueue queue);

    @Provides
    @Singleton
    static InMemoryMessageQueue messageQueue(InMemoryMessageQueue.Settings settings, Clock clock) {
        return new InMemoryMessageQueue(settings, clock);
    }
}
