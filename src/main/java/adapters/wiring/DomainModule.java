package adapters.wiring;

import dagger.Module;
import dagger.Provides;
import domain.BatchDelivery;
import domain.ConnectService;
import domain.DisconnectService;
import domain.FanOut;
import domain.HistoryPolicy;
import domain.HistoryRecorder;
import domain.Limits;
import domain.ResumeService;
import domain.RetryPolicy;
import domain.Sleeper;
import domain.SubscriptionService;
import java.time.Clock;
import java.util.concurrent.Executor;
import ports.ConnectionRepository;
import ports.NotificationHistory;
import ports.PushGateway;
import ports.TokenVerifier;

/**
 * Builds the domain's use cases from the ports; the domain itself knows nothing of Dagger. Needs
 * the ports each use case asks for (the notification history only for delivery and resume), a
 * {@link Clock}, {@link Limits}, a {@link HistoryPolicy}, a {@link RetryPolicy}, a {@link Sleeper} and, for delivery,
 * the {@link BatchExecutor} a batch's messages run on.
 */
@Module
public interface DomainModule {
    /**
     * Pushes in flight for a whole batch, however many of its messages fan out at once: the AWS SDK's async client opens
     * at most 50 HTTP connections by default, and more in flight only queue.
     */
    int PUSH_CONCURRENCY = 50;

    @Provides
    static ConnectService connectService(TokenVerifier verifier, ConnectionRepository repository, Limits limits, Clock clock) {
        return new ConnectService(verifier, repository, limits, clock);
    }

    @Provides
    static DisconnectService disconnectService(ConnectionRepository repository) {
        return new DisconnectService(repository);
    }

    @Provides
    static SubscriptionService subscriptionService(ConnectionRepository repository, Limits limits, Clock clock) {
        return new SubscriptionService(repository, limits, clock);
    }

    @Provides
    static FanOut fanOut(ConnectionRepository repository, PushGateway gateway, RetryPolicy retryPolicy, Sleeper sleeper,
                         Clock clock) {
        return new FanOut(repository, gateway, retryPolicy, sleeper, clock, PUSH_CONCURRENCY);
    }

    @Provides
    static BatchDelivery batchDelivery(FanOut fanOut, HistoryRecorder recorder, @BatchExecutor Executor executor) {
        return new BatchDelivery(fanOut, recorder, executor);
    }

    @Provides
    static HistoryRecorder historyRecorder(NotificationHistory history, HistoryPolicy policy, Clock clock) {
        return new HistoryRecorder(history, policy, clock);
    }

    @Provides
    static ResumeService resumeService(ConnectionRepository repository, NotificationHistory history, PushGateway gateway,
                                       HistoryPolicy policy, Clock clock) {
        return new ResumeService(repository, history, gateway, policy, clock);
    }
}
