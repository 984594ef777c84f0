package adapters.lambda;

import java.util.Set;
import org.crac.Resource;

/** A function's graph, as far as SnapStart is concerned: what its adapters must do around a snapshot. */
interface SnapshotHooks {

    /** The hooks the graph's modules contribute: connections to close before the snapshot, jitter to reseed after it. */
    Set<Resource> snapshotHooks();
}
