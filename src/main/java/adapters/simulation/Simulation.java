package adapters.simulation;

import domain.ClaimId;
import domain.ConnectResult;
import domain.ConnectionId;
import domain.ConnectionRepositoryException;
import domain.DeliveryOutcome;
import domain.HandledMessage;
import domain.HistoryPolicy;
import domain.Limits;
import domain.Notification;
import domain.Position;
import domain.ResumeRefusal;
import domain.ResumeResult;
import domain.SubscriptionResult;
import domain.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives Herald's core on in-memory adapters with simulated clients, producers and faults, all
 * from one seed on a virtual clock, then judges the invariants (see {@link Verdicts}). Clients
 * behave as herald-client.js does: after every reconnect they resume their user and resubscribe
 * and resume each claim from the last position they saw, and they drop ids they have shown.
 */
public final class Simulation {
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** The template's NotifierTimeoutSeconds: the longest a batch can take from appending an entry to pushing it. */
    static final Duration NOTIFIER_TIMEOUT = Duration.ofSeconds(30);
    /** The deployed defaults: a day of history, a minute of margin (over the Notifier's timeout), 100 per resume. */
    static final HistoryPolicy HISTORY = HistoryPolicy.DEFAULT;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern POSITION = Pattern.compile("\"" + Position.ATTRIBUTE + "\":\"([^\"]+)\"");
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MEAN_STEP = Duration.ofMillis(300);
    private static final double PUBLISH_SHARE = 0.5;

    private final SimulationConfig config;
    private final SplittableRandom random;
    private final VirtualClock clock = new VirtualClock(EPOCH);
    private final Ledger ledger = new Ledger(clock);
    private final FaultPlan plan;
    private final SimulatedSystem system;
    private final Population population;
    private final Map<String, Publication> byMessageId = new HashMap<>();
    private final Map<String, Publication> byId = new HashMap<>();
    private final List<Publication> publications = new ArrayList<>();
    private final Map<ConnectionId, ConnectionLife> lives = new HashMap<>();
    private final Map<ConnectionId, Population.Client> owners = new HashMap<>();
    private final Set<ConnectionLife> open = new LinkedHashSet<>();
    private long evicted;
    private long misdelivered;
    private long replayed;
    private Instant nextSweep = EPOCH.plus(SWEEP_INTERVAL);

    public Simulation(SimulationConfig config, SystemFactory factory) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.plan = new FaultPlan(random.split(), config.faults());
        this.system = factory.create(clock, plan, ledger, random.split());
        this.population = new Population(config.clients(), random.split());
    }

    public SimulationReport run() {
        int published = 0;
        while (published < config.notifications()) {
            if (random.nextDouble() < PUBLISH_SHARE) {
                publish(published++);
            } else {
                actAsClient(population.pick());
            }
            dispatchOneBatch();
            clock.advance(Duration.ofMillis(1 + random.nextLong(2 * MEAN_STEP.toMillis())));
            maintain();
        }
        drain();
        population.clients().forEach(client -> client.browser.closeAt(lastConnected(client.connection)));
        return new Verdicts(config, publications, lives.values(), population.clients(), system.store(), ledger)
                .judge(evicted, misdelivered, system.queue().deadLetters().size(), replayed);
    }

    private void publish(int number) {
        String id = "n-" + number;
        Target target = random.nextBoolean()
                ? Target.user(population.randomUser())
                : Target.claim(population.randomClaim());
        Notification notification = new Notification(id, "simulation", "simulated.event", Optional.of(clock.instant()),
                target, "{\"id\":\"" + id + "\"}");
        String messageId = system.queue().send(notification);
        Publication publication = new Publication(id, messageId, target, clock.instant());
        publications.add(publication);
        byMessageId.put(messageId, publication);
        byId.put(id, publication);
    }

    private void actAsClient(Population.Client client) {
        ConnectionLife life = client.connection;
        if (life == null || !life.isOpen()) {
            connect(client);
            return;
        }
        double action = random.nextDouble();
        if (action < 0.35) {
            subscribeAsked(life, client.entitled.get(random.nextInt(client.entitled.size())));
        } else if (action < 0.50 && !life.currentSubscriptions().isEmpty()) {
            unsubscribe(life, life.currentSubscriptions().get(random.nextInt(life.currentSubscriptions().size())));
        } else if (action < 0.55) {
            subscribeUnentitled(life);
        } else if (action < 0.60) {
            disconnectCleanly(life);
        } else if (action < 0.65 && system.sockets() != null && config.faults().contains(Fault.VANISH)) {
            vanish(life);
        } else if (action < 0.68) {
            resumeUnentitled(life);
        }
    }

    private void connect(Population.Client client) {
        ConnectionId id = ConnectionId.of("c-" + client.index + "-" + clock.instant().toEpochMilli() + "-" + random.nextInt(1000));
        boolean expiredToken = config.faults().contains(Fault.TOKEN_EXPIRY) && random.nextDouble() < 0.1;
        Instant tokenExpiry = expiredToken
                ? clock.instant().minusSeconds(1 + random.nextInt(3600))
                : clock.instant().plusSeconds(60 + random.nextInt(7200));
        String token = system.tokens().issue(client.principal, tokenExpiry);
        ConnectResult result = system.connectService().connect(id, token);
        if (result instanceof ConnectResult.Accepted accepted) {
            if (expiredToken) {
                ledger.violation("accepted " + id + " with a token that expired at " + tokenExpiry);
            }
            ConnectionLife previous = client.connection;
            ConnectionLife life = new ConnectionLife(id, client.principal, clock.instant(), accepted.connection().expiresAt());
            lives.put(id, life);
            owners.put(id, client);
            open.add(life);
            client.connection = life;
            system.sockets().open(id, payload -> received(life, payload));
            ledger.note("connect " + id + " as " + client.principal.userId());
            resumeWhatItHeard(client, life, previous);
        } else {
            ledger.note("refused " + id + ": " + result);
        }
    }

    private void received(ConnectionLife life, String payload) {
        Publication publication = byId.get(match(ID, payload).orElseThrow());
        Optional<Position> position = match(POSITION, payload).flatMap(Position::parse);
        publication.deliveries++;
        publication.receivedBy.add(life.id);
        if (!life.principal.isEntitledTo(publication.target)) {
            misdelivered++;
            ledger.violation(publication.id + " for " + publication.target + " reached " + life.id
                    + " of " + life.principal.userId() + ", who is not entitled to it");
        }
        if (position.isEmpty() || !system.history().holds(publication.target, position.get())) {
            ledger.violation(publication.id + " reached " + life.id + " before its history entry "
                    + position.map(Position::text).orElse("(no position)") + " was recorded");
        }
        owners.get(life.id).browser.show(publication.id, publication.target, position);
    }

    /**
     * A reconnected browser resumes its user, then resubscribes and resumes each claim its last connection heard; a
     * gap a resume could not bridge ends that span of hearing when the last connection closed.
     */
    private void resumeWhatItHeard(Population.Client client, ConnectionLife life, ConnectionLife previous) {
        Instant lastConnected = lastConnected(previous);
        resume(client, life, Target.user(client.principal.userId()), lastConnected);
        if (previous == null) {
            return;
        }
        for (ClaimId claim : List.copyOf(previous.currentSubscriptions())) {
            if (subscribe(life, claim) instanceof SubscriptionResult.Subscribed) {
                resume(client, life, Target.claim(claim), lastConnected);
            } else {
                client.browser.stopsHearing(Target.claim(claim), lastConnected);
            }
        }
    }

    private void resume(Population.Client client, ConnectionLife life, Target target, Instant lastConnected) {
        Optional<Position> after = client.browser.cursor(target);
        ResumeResult result;
        try {
            result = system.resumeService().resume(life.id, target, after);
        } catch (SimulatedCrash crash) {
            result = new ResumeResult.Refused(target, ResumeRefusal.UNAVAILABLE);
        }
        if (result instanceof ResumeResult.Resumed resumed) {
            replayed += resumed.replayed();
            if (after.isEmpty() || !resumed.complete()) {
                client.browser.stopsHearing(target, lastConnected);
            }
            client.browser.hears(target, clock.instant(), resumed.position());
        } else {
            client.browser.stopsHearing(target, lastConnected);
        }
        ledger.note("resume " + life.id + " " + target + " after " + after.map(Position::text).orElse("nothing") + ": " + result);
    }

    private Instant lastConnected(ConnectionLife life) {
        return life == null ? clock.instant() : life.closedAt().orElse(clock.instant());
    }

    private SubscriptionResult subscribe(ConnectionLife life, ClaimId claim) {
        SubscriptionResult result = system.subscriptionService().subscribe(life.id, claim);
        if (result instanceof SubscriptionResult.Subscribed) {
            life.subscribed(claim, clock.instant());
        }
        ledger.note("subscribe " + life.id + " to " + claim + ": " + result);
        return result;
    }

    /** A subscribe the browser makes itself starts hearing the claim from the position the answer gives. */
    private void subscribeAsked(ConnectionLife life, ClaimId claim) {
        Population.Client client = owners.get(life.id);
        if (subscribe(life, claim) instanceof SubscriptionResult.Subscribed && !client.browser.isHearing(Target.claim(claim))) {
            client.browser.hears(Target.claim(claim), clock.instant(), system.resumeService().startingPoint());
        }
    }

    private void unsubscribe(ConnectionLife life, ClaimId claim) {
        SubscriptionResult result = system.subscriptionService().unsubscribe(life.id, claim);
        if (result instanceof SubscriptionResult.Unsubscribed) {
            life.unsubscribed(claim, clock.instant());
            owners.get(life.id).browser.stopsHearing(Target.claim(claim), clock.instant());
        }
        ledger.note("unsubscribe " + life.id + " from " + claim + ": " + result);
    }

    /** A hostile client asks to replay a claim it is not entitled to; nothing may reach it. */
    private void resumeUnentitled(ConnectionLife life) {
        ClaimId claim = population.randomClaim();
        if (life.principal.isEntitledTo(claim)) {
            return;
        }
        ResumeResult result;
        try {
            result = system.resumeService().resume(life.id, Target.claim(claim), Optional.of(Position.first(EPOCH)));
        } catch (SimulatedCrash crash) {
            return;
        }
        if (result instanceof ResumeResult.Resumed) {
            ledger.violation(life.id + " of " + life.principal.userId() + " resumed " + claim + " without being entitled to it");
        }
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void subscribeUnentitled(ConnectionLife life) {
        ClaimId claim = population.randomClaim();
        if (life.principal.isEntitledTo(claim)) {
            return;
        }
        SubscriptionResult result = system.subscriptionService().subscribe(life.id, claim);
        if (result instanceof SubscriptionResult.Subscribed) {
            ledger.violation(life.id + " of " + life.principal.userId() + " was subscribed to " + claim
                    + " without being entitled to it");
        }
    }

    private void disconnectCleanly(ConnectionLife life) {
        close(life, "disconnect");
        try {
            system.disconnectService().disconnect(life.id);
        } catch (ConnectionRepositoryException e) {
            ledger.note("$disconnect of " + life.id + " failed; its record lingers until evicted or expired");
        }
    }

    private void vanish(ConnectionLife life) {
        close(life, "vanish (no $disconnect)");
    }

    private void close(ConnectionLife life, String how) {
        system.sockets().close(life.id);
        life.closed(clock.instant());
        open.remove(life);
        ledger.note(how + " " + life.id);
    }

    private void dispatchOneBatch() {
        system.notifierClock().lagBy(plan.notifierLag(NOTIFIER_TIMEOUT));
        try {
            for (HandledMessage handled : system.batchDelivery().deliver(system.messageSource())) {
                handled.report().ifPresent(report -> evicted += report.count(DeliveryOutcome.EVICTED));
                Publication publication = byMessageId.get(handled.messageId());
                ledger.note(publication.id + " " + handled.verdict() + ": " + handled.reason());
            }
        } catch (SimulatedCrash crash) {
            ledger.note("the notifier restarts; its unfinished messages reappear after the visibility timeout");
        } finally {
            system.notifierClock().catchUp();
        }
        system.queue().deadLetters().forEach(deadLetter -> ledger.settled(deadLetter.messageId(), deadLetter.at()));
    }

    /** What API Gateway and DynamoDB do on their own: close sockets at the 2-hour limit, and expire records. */
    private void maintain() {
        Instant now = clock.instant();
        Duration maximum = Limits.DEFAULT.maxConnectionDuration();
        for (ConnectionLife life : List.copyOf(open)) {
            if (!life.openedAt.plus(maximum).isAfter(now)) {
                disconnectCleanly(life);
            }
        }
        while (!now.isBefore(nextSweep)) {
            Verdicts.checkNothingOutlivedItsExpiry(system.store(), nextSweep, ledger);
            system.store().sweep(nextSweep);
            nextSweep = nextSweep.plus(SWEEP_INTERVAL);
        }
    }

    /** After the last publication, lets the notifier work until the queue is empty, as time passes. */
    private void drain() {
        for (int round = 0; system.queue().depth() > 0 && round < 100_000; round++) {
            int before = system.queue().depth();
            dispatchOneBatch();
            if (system.queue().depth() == before) {
                system.queue().nextVisibleAt().ifPresent(clock::advanceTo);
                clock.advance(Duration.ofMillis(1));
            }
            maintain();
        }
    }
}
