package adapters.simulation;

import adapters.memory.InMemoryConnectionRepository;
import domain.Connection;
import domain.ConnectionId;
import domain.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invariants a run must keep:
 * <ol>
 *   <li>every notification reached every connection that was live and hearing its target for the
 *       whole time from publication to settlement, or it is in the dead-letter queue with a reason;</li>
 *   <li>no notification reached a connection whose principal is not entitled to its target
 *       (counted as it happens);</li>
 *   <li>a connection whose record was removed is never pushed to again (checked as it happens), and
 *       every connection reported gone has no record left at the end;</li>
 *   <li>no record outlives its expiry by more than the sweep interval (checked at every sweep);</li>
 *   <li>every notification a browser's target got while the browser heard it, across its reconnections bridged by
 *       complete resumes, reached that browser: it missed nothing while away, and showed it once after dropping
 *       repeats by id; and no notification was pushed before its history entry was recorded (checked as it
 *       happens).</li>
 * </ol>
 */
final class Verdicts {
    private final SimulationConfig config;
    private final List<Publication> publications;
    private final Collection<ConnectionLife> lives;
    private final Collection<Population.Client> clients;
    private final InMemoryConnectionRepository store;
    private final Ledger ledger;

    Verdicts(SimulationConfig config, List<Publication> publications, Collection<ConnectionLife> lives,
             Collection<Population.Client> clients, InMemoryConnectionRepository store, Ledger ledger) {
        this.config = config;
        this.publications = publications;
        this.lives = lives;
        this.clients = clients;
        this.store = store;
        this.ledger = ledger;
    }

    static void checkNothingOutlivedItsExpiry(InMemoryConnectionRepository store, Instant now, Ledger ledger) {
        for (Connection connection : store.all()) {
            if (connection.expiresAt().plus(Simulation.SWEEP_INTERVAL).isBefore(now)) {
                ledger.violation("the record of " + connection.id() + " outlived its expiry " + connection.expiresAt()
                        + " by more than the sweep interval");
            }
        }
    }

    SimulationReport judge(long evicted, long misdelivered, long deadLettered, long replayed) {
        Map<Object, List<ConnectionLife>> hearers = indexByWhatTheyHear();
        long lost = 0;
        long deliveries = 0;
        long duplicates = 0;
        for (Publication publication : publications) {
            deliveries += publication.receivedBy.size();
            duplicates += publication.deliveries - publication.receivedBy.size();
            Optional<Ledger.Settlement> settlement = ledger.settlement(publication.messageId);
            if (settlement.isEmpty()) {
                ledger.violation(publication.id + " was never settled: neither acknowledged nor dead-lettered");
                lost++;
                continue;
            }
            if (settlement.get().deadLettered()) {
                continue;
            }
            Instant settledAt = settlement.get().at();
            for (ConnectionLife life : hearers.getOrDefault(targetKey(publication), List.of())) {
                if (life.mustHear(publication.target, publication.publishedAt, settledAt)
                        && !publication.receivedBy.contains(life.id)) {
                    lost++;
                    ledger.violation(publication.id + " for " + publication.target + " never reached " + life.id
                            + ", live and hearing it from " + publication.publishedAt + " to " + settledAt);
                }
            }
        }
        lost += browsersThatMissedSomething();
        for (ConnectionId gone : ledger.reportedGone()) {
            if (store.find(gone).isPresent()) {
                ledger.violation(gone + " was reported gone but its record is still there");
            }
        }
        return new SimulationReport(config, deliveries, duplicates, evicted, deadLettered, lost, misdelivered, replayed,
                ledger.violations(), ledger.trace());
    }

    /** Invariant 5: a browser that heard a target from before a publication until after it settled has shown it. */
    private long browsersThatMissedSomething() {
        Map<Target, List<Publication>> byTarget = new HashMap<>();
        publications.forEach(publication -> byTarget.computeIfAbsent(publication.target, key -> new ArrayList<>()).add(publication));
        long missed = 0;
        for (Population.Client client : clients) {
            for (Browser.Hearing hearing : client.browser.hearings()) {
                for (Publication publication : byTarget.getOrDefault(hearing.target(), List.of())) {
                    Optional<Ledger.Settlement> settlement = ledger.settlement(publication.messageId);
                    if (settlement.isEmpty() || settlement.get().deadLettered()
                            || !hearing.covers(publication.publishedAt, settlement.get().at())
                            || client.browser.hasShown(publication.id)) {
                        continue;
                    }
                    missed++;
                    ledger.violation(publication.id + " for " + hearing.target() + " never reached the browser of client "
                            + client.index + ", which heard it from " + hearing.from() + " to "
                            + (hearing.to() == null ? "the end" : hearing.to()) + " across its reconnections");
                }
            }
        }
        return missed;
    }

    private Map<Object, List<ConnectionLife>> indexByWhatTheyHear() {
        Map<Object, List<ConnectionLife>> index = new HashMap<>();
        for (ConnectionLife life : lives) {
            index.computeIfAbsent(life.principal.userId(), key -> new ArrayList<>()).add(life);
            life.claimsEverHeard().forEach(claim -> index.computeIfAbsent(claim, key -> new ArrayList<>()).add(life));
        }
        return index;
    }

    private static Object targetKey(Publication publication) {
        return publication.target instanceof domain.Target.User user
                ? user.id()
                : ((domain.Target.Claim) publication.target).id();
    }
}
