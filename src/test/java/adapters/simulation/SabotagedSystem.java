package adapters.simulation;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import adapters.memory.InMemoryPushGateway;
import adapters.memory.InMemoryTokenVerifier;
import domain.ConnectService;
import domain.DisconnectService;
import domain.BatchDelivery;
import domain.FanOut;
import domain.InboundMessage;
import domain.Limits;
import domain.Recipient;
import domain.RetryPolicy;
import domain.SubscriptionService;
import domain.Target;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import ports.ConnectionRepository;
import ports.MessageSource;
import ports.ForwardingConnectionRepository;
import ports.PushGateway;

/**
 * Herald wired by hand with one rule deliberately broken, to show that the simulation's
 * invariants catch it: a harness whose checks cannot fail proves nothing.
 */
final class SabotagedSystem implements SimulatedSystem {

    enum Sabotage {
        /** Fan-out "evicts" a gone connection without removing its record. */
        SKIP_EVICTION,
        /** Every fourth push reports DELIVERED without delivering. */
        DROP_DELIVERIES,
        /** A claim's audience is everybody with a record, entitled or not. */
        IGNORE_SUBSCRIPTIONS,
        /** A message with retries left over is acknowledged instead of failed. */
        ACKNOWLEDGE_FAILURES
    }

    static SystemFactory factory(Sabotage sabotage) {
        return (clock, plan, ledger, random) -> new SabotagedSystem(sabotage, clock, plan, ledger, random);
    }

    private final InMemoryConnectionRepository store = new InMemoryConnectionRepository();
    private final InMemoryPushGateway sockets = new InMemoryPushGateway();
    private final InMemoryTokenVerifier tokens;
    private final InMemoryMessageQueue queue;
    private final ConnectionRepository repository;
    private final MessageSource source;
    private final FanOut fanOut;
    private final VirtualClock clock;

    private SabotagedSystem(Sabotage sabotage, VirtualClock clock, FaultPlan plan, Ledger ledger, RandomGenerator random) {
        this.clock = clock;
        this.tokens = new InMemoryTokenVerifier(clock);
        this.queue = new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, clock);
        this.repository = new FaultyConnectionRepository(store, plan, ledger);
        MessageSource honestSource = new DuplicatingMessageSource(queue, plan, ledger);
        this.source = sabotage == Sabotage.ACKNOWLEDGE_FAILURES ? acknowledgingFailures(honestSource) : honestSource;
        PushGateway gateway = new FaultyPushGateway(sockets, plan, ledger);
        this.fanOut = new FanOut(sabotaged(sabotage, repository), sabotage == Sabotage.DROP_DELIVERIES ? dropping(gateway) : gateway,
                RetryPolicy.standard(random), clock::advance, clock, 8);
    }

    private ConnectionRepository sabotaged(Sabotage sabotage, ConnectionRepository honest) {
        return switch (sabotage) {
            case SKIP_EVICTION -> new ForwardingConnectionRepository(honest) {
                @Override
                public void remove(domain.ConnectionId id) {
                }
            };
            case IGNORE_SUBSCRIPTIONS -> new ForwardingConnectionRepository(honest) {
                @Override
                public List<Recipient> audienceOf(Target target) {
                    return target instanceof Target.Claim
                            ? store.all().stream().map(domain.Connection::asRecipient).toList()
                            : super.audienceOf(target);
                }
            };
            default -> honest;
        };
    }

    private static PushGateway dropping(PushGateway honest) {
        int[] count = {0};
        return (id, payload) -> ++count[0] % 4 == 0
                ? CompletableFuture.completedFuture(domain.PushResult.DELIVERED)
                : honest.push(id, payload);
    }

    private static MessageSource acknowledgingFailures(MessageSource honest) {
        return new MessageSource() {
            @Override
            public List<InboundMessage> receive() {
                return honest.receive();
            }

            @Override
            public void acknowledge(InboundMessage message) {
                honest.acknowledge(message);
            }

            @Override
            public void fail(InboundMessage message, String reason) {
                honest.acknowledge(message);
            }

            @Override
            public void deadLetter(InboundMessage message, String reason) {
                honest.deadLetter(message, reason);
            }
        };
    }

    @Override
    public ConnectService connectService() {
        return new ConnectService(tokens, repository, Limits.DEFAULT, clock);
    }

    @Override
    public DisconnectService disconnectService() {
        return new DisconnectService(repository);
    }

    @Override
    public SubscriptionService subscriptionService() {
        return new SubscriptionService(repository, Limits.DEFAULT, clock);
    }

    @Override
    public BatchDelivery batchDelivery() {
        return new BatchDelivery(fanOut);
    }

    @Override
    public MessageSource messageSource() {
        return source;
    }

    @Override
    public InMemoryMessageQueue queue() {
        return queue;
    }

    @Override
    public InMemoryPushGateway sockets() {
        return sockets;
    }

    @Override
    public InMemoryConnectionRepository store() {
        return store;
    }

    @Override
    public InMemoryTokenVerifier tokens() {
        return tokens;
    }
}
