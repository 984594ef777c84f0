package adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RestoreSafeRandomTest {
    private static final long SNAPSHOT_STATE = 42;

    private static List<Long> draws(RestoreSafeRandom random) {
        return LongStream.range(0, 16).map(i -> random.nextLong(2_000)).boxed().toList();
    }

    /** Two copies of one snapshot, each holding the generator exactly as it was at the checkpoint. */
    private static List<RestoreSafeRandom> twoCopiesOfOneSnapshot() {
        RestoreSafeRandom first = new RestoreSafeRandom();
        RestoreSafeRandom second = new RestoreSafeRandom();
        first.reseed(SNAPSHOT_STATE);
        second.reseed(SNAPSHOT_STATE);
        return List.of(first, second);
    }

    @Test
    void withoutARestoreHook_twoCopiesOfOneSnapshotDrawTheSameJitter() {
        List<RestoreSafeRandom> copies = twoCopiesOfOneSnapshot();

        assertThat(draws(copies.get(0))).isEqualTo(draws(copies.get(1)));
    }

    @Test
    void afterRestore_twoCopiesOfOneSnapshotDrawDifferentJitter() {
        List<RestoreSafeRandom> copies = twoCopiesOfOneSnapshot();

        copies.forEach(copy -> copy.afterRestore(null));

        assertThat(draws(copies.get(0))).isNotEqualTo(draws(copies.get(1)));
    }
}
