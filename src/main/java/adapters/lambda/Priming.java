package adapters.lambda;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, each handler runs its own
 * code path once on a harmless event, so that class loading, JIT warm-up and the SDK clients'
 * first connections are in the snapshot rather than in a user's first request. Priming must never
 * break a deployment, so a failure is logged and ignored.
 */
final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    /** org.crac holds resources weakly; these references keep the primers alive until the checkpoint. */
    private static final List<Priming> REGISTERED = new ArrayList<>();
    static final String CONNECTION = "herald-priming";

    private final String name;
    private final Runnable prime;

    private Priming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    static synchronized void register(String name, Runnable prime) {
        Priming priming = new Priming(name, prime);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** Runs every registered primer now; the cold-start benchmark uses this to measure a primed first request. */
    static synchronized void primeAll() {
        REGISTERED.forEach(Priming::run);
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
        }
    }
}
