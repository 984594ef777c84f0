package adapters.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Opens every connection through {@code $connect} with a real token (verified, and stored, by the stack), and
 * reads the gateway's footprint before and after: connects/s, handshake percentiles, bytes per connection.
 */
final class CapacityScenario {
    private static final double MIB = 1024 * 1024;

    private CapacityScenario() {
    }

    static Result open(Testbed bed) throws IOException, InterruptedException {
        GatewayProbe.Stats idle = bed.gateway.stats();
        long benchIdle = benchHeapAfterGc();
        long start = System.nanoTime();
        Histogram handshakes = bed.fleet.open(bed.settings.handshakes(), bed::token);
        double seconds = (System.nanoTime() - start) / 1e9;
        GatewayProbe.Stats loaded = bed.gateway.stats();
        long opened = bed.fleet.opened.sum();
        long perConnectionHeap = (loaded.heapUsedAfterGcBytes() - idle.heapUsedAfterGcBytes()) / Math.max(1, opened);
        long perConnectionRss = (loaded.rssBytes() - idle.rssBytes()) / Math.max(1, opened);
        List<Row> rows = List.of(
                Row.of("connections opened", opened, "connections"),
                Row.of("connections refused or failed", bed.fleet.failed.sum(), "connections"),
                Row.atLeast("connects/s (token verified, connection stored)", opened / seconds, "1/s", 1_000),
                Row.of("handshake p50", handshakes.getValueAtPercentile(50) / 1e6, "ms"),
                Row.atMost("handshake p99", handshakes.getValueAtPercentile(99) / 1e6, "ms", 130),
                Row.of("gateway heap after full GC, idle", idle.heapUsedAfterGcBytes() / MIB, "MiB"),
                Row.of("gateway heap after full GC, connections open", loaded.heapUsedAfterGcBytes() / MIB, "MiB"),
                Row.of("gateway heap per connection", perConnectionHeap, "bytes"),
                Row.atMost("gateway heap projected to 20,000 connections",
                        (idle.heapUsedAfterGcBytes() + 20_000.0 * perConnectionHeap) / MIB, "MiB", 512),
                Row.of("gateway RSS, idle", idle.rssBytes() / MIB, "MiB"),
                Row.of("gateway RSS, connections open", loaded.rssBytes() / MIB, "MiB"),
                Row.of("gateway RSS per connection", perConnectionRss, "bytes"),
                Row.of("gateway CPU while connecting", loaded.cpuMillis() - idle.cpuMillis(), "ms"),
                Row.of("bench (client) heap per connection", (benchHeapAfterGc() - benchIdle) / Math.max(1, opened), "bytes"));
        return new Result("capacity", rows, Map.of("handshake", handshakes));
    }

    private static long benchHeapAfterGc() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
