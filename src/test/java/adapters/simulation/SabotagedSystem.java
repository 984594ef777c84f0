package adapters.simulation;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import adapters.memory.InMemoryNotificationHistory;
import adapters.memory.InMemoryPushGateway;
import adapters.memory.InMemoryTokenVerifier;
import domain.BatchDelivery;
import domain.ConnectService;
import domain.Connection;
import domain.ConnectionId;
import domain.DisconnectService;
import domain.FanOut;
import domain.HistoryEntry;
import domain.HistoryPolicy;
import domain.HistoryRecorder;
import domain.InboundMessage;
import domain.Limits;
import domain.Position;
import domain.Principal;
import domain.Recipient;
import domain.ResumeService;
import domain.RetryPolicy;
import domain.SubscriptionService;
import domain.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import ports.ConnectionRepository;
import ports.ForwardingConnectionRepository;
import ports.ForwardingMessageSource;
import ports.MessageSource;
import ports.NotificationHistory;
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
        ACKNOWLEDGE_FAILURES,
        /** A resume replays from the client's own position, with no margin for slower Notifiers. */
        NO_MARGIN,
        /** A resume replays any target it is asked for, entitled or not. */
        REPLAY_UNENTITLED,
        /** A notification's history entry is written once it has been fanned out, not before. */
        APPEND_AFTER_FAN_OUT
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
    private final InMemoryNotificationHistory history = new InMemoryNotificationHistory();
    private final FanOut fanOut;
    private final HistoryRecorder recorder;
    private final ResumeService resumeService;
    private final NotifierClock clock;

    private SabotagedSystem(Sabotage sabotage, VirtualClock virtualClock, FaultPlan plan, Ledger ledger, RandomGenerator random) {
        this.clock = new NotifierClock(virtualClock);
        this.tokens = new InMemoryTokenVerifier(clock);
        this.queue = new InMemoryMessageQueue(InMemoryMessageQueue.Settings.DEFAULT, virtualClock);
        this.repository = new FaultyConnectionRepository(store, plan, ledger);
        NotificationHistory faultyHistory = new FaultyNotificationHistory(history, plan, ledger);
        DeferredHistory deferred = new DeferredHistory(faultyHistory);
        MessageSource honestSource = new DuplicatingMessageSource(queue, plan, ledger);
        this.source = switch (sabotage) {
            case ACKNOWLEDGE_FAILURES -> acknowledgingFailures(honestSource);
            case APPEND_AFTER_FAN_OUT -> deferred.flushingOnEveryVerdict(honestSource);
            default -> honestSource;
        };
        PushGateway gateway = new FaultyPushGateway(sockets, plan, ledger);
        this.fanOut = new FanOut(sabotaged(sabotage, repository), sabotage == Sabotage.DROP_DELIVERIES ? dropping(gateway) : gateway,
                RetryPolicy.standard(random), virtualClock::advance, clock, 8);
        this.recorder = new HistoryRecorder(sabotage == Sabotage.APPEND_AFTER_FAN_OUT ? deferred : faultyHistory,
                Simulation.HISTORY, clock);
        HistoryPolicy resumePolicy = sabotage == Sabotage.NO_MARGIN
                ? new HistoryPolicy(Simulation.HISTORY.retention(), Duration.ZERO, Simulation.HISTORY.cap())
                : Simulation.HISTORY;
        this.resumeService = new ResumeService(sabotage == Sabotage.REPLAY_UNENTITLED ? entitledToEverything(repository) : repository,
                faultyHistory, gateway, resumePolicy, clock);
    }

    /** Every connection found holds a token for every claim: what a resume without the entitlement check amounts to. */
    private ConnectionRepository entitledToEverything(ConnectionRepository honest) {
        return new ForwardingConnectionRepository(honest) {
            @Override
            public Optional<Connection> find(ConnectionId id) {
                return super.find(id).map(found -> new Connection(found.id(), new Principal(found.userId(),
                        Set.copyOf(store.all().stream().flatMap(any -> any.subscriptions().stream()).toList())),
                        found.connectedAt(), found.expiresAt(), found.subscriptions()));
            }
        };
    }

    /** Holds appends back until the message they belong to has its verdict, that is, until after its fan-out. */
    private static final class DeferredHistory implements NotificationHistory {
        private final NotificationHistory history;
        private final List<HistoryEntry> pending = new ArrayList<>();

        DeferredHistory(NotificationHistory history) {
            this.history = history;
        }

        @Override
        public void append(HistoryEntry entry) {
            pending.add(entry);
        }

        @Override
        public List<HistoryEntry> newestFrom(Target target, Position from, int limit, Instant now) {
            return history.newestFrom(target, from, limit, now);
        }

        MessageSource flushingOnEveryVerdict(MessageSource honest) {
            return new ForwardingMessageSource(honest) {
                @Override
                public void acknowledge(InboundMessage message) {
                    flush();
                    super.acknowledge(message);
                }

                @Override
                public void fail(InboundMessage message, String reason) {
                    flush();
                    super.fail(message, reason);
                }

                @Override
                public void deadLetter(InboundMessage message, String reason) {
                    flush();
                    super.deadLetter(message, reason);
                }
            };
        }

        private void flush() {
            pending.forEach(history::append);
            pending.clear();
        }
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
        return new ForwardingMessageSource(honest) {
            @Override
            public void fail(InboundMessage message, String reason) {
                honest.acknowledge(message);
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
        return new BatchDelivery(fanOut, recorder);
    }

    @Override
    public ResumeService resumeService() {
        return resumeService;
    }

    @Override
    public InMemoryNotificationHistory history() {
        return history;
    }

    @Override
    public NotifierClock notifierClock() {
        return clock;
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
