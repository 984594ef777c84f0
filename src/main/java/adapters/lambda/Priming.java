package adapters.lambda;

import adapters.lambda.log.InvocationLog;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's hooks in one registry. Before Lambda snapshots an initialised function, each handler runs its own code
 * path once on a harmless event (a primer), so that class loading, JIT warm-up and the SDK clients' set-up are in the
 * snapshot rather than in a user's first request; then the graph's own hooks run (its clients close their pooled
 * connections). After a restore, the graph's hooks reseed its jitter and reopen its clients. CRaC calls
 * {@code beforeCheckpoint} in the reverse order of registration and {@code afterRestore} in that order; the graph's
 * hooks are registered before its handler's primer. Priming must never break a deployment, so a failing primer is
 * logged and ignored.
 */
final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    /** org.crac holds resources weakly; these references keep them alive until the checkpoint. */
    private static final List<Resource> REGISTERED = new ArrayList<>();
    static final String CONNECTION = "herald-priming";

    private final String name;
    private final Runnable prime;

    private Priming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    /** Registers a handler's primer, run before the snapshot. */
    static void register(String name, Runnable prime) {
        register(new Priming(name, prime));
    }

    /** Registers any other hook: a client that closes its connections, jitter that is reseeded. */
    static synchronized void register(Resource resource) {
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /** Every hook registered so far, in registration order: what CRaC would call, for tests that act as Lambda does. */
    static synchronized List<Resource> registered() {
        return List.copyOf(REGISTERED);
    }

    /**
     * Forgets every hook, so that a test can build a function afresh as a new execution environment would. CRaC's own
     * weak references stay, as they would in a JVM that is never checkpointed.
     */
    static synchronized void reset() {
        REGISTERED.clear();
    }

    /** Runs every registered primer now; the cold-start benchmark uses this to measure a primed first request. */
    static synchronized void primeAll() {
        REGISTERED.stream().filter(Priming.class::isInstance).map(Priming.class::cast).forEach(Priming::run);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        LOG.debug("{} restored from its snapshot", name);
    }

    private void run() {
        long started = System.nanoTime();
        try {
            prime.run();
            LOG.info("{} primed in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("{} could not be primed; its first request will be slower: {}", name, e.toString());
        } finally {
            InvocationLog.primingWasNoInvocation();
        }
    }
}
