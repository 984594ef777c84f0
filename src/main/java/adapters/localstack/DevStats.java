package adapters.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * {@code GET /dev/stats}, for {@code herald bench}, which runs in another process and cannot look inside this one: the
 * stack's footprint as JSON (heap used after a full GC, heap used after the JVM's own last GC, resident set size, open
 * connections, process CPU time). {@code ?gc=no} skips the full GC, a stop-the-world pause that would show in the
 * latencies of a benchmark that polls during its run, and with it the field that needs it.
 */
final class DevStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntSupplier openConnections;

    DevStats(IntSupplier openConnections) {
        this.openConnections = openConnections;
    }

    String json(boolean fullGc) {
        ObjectNode stats = JSON.createObjectNode();
        if (fullGc) {
            System.gc();
            stats.put("heapUsedAfterGcBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return stats.put("heapAfterLastGcBytes", heapAfterLastGc()).put("rssBytes", rssBytes())
                .put("openConnections", openConnections.getAsInt()).put("cpuMillis", cpuMillis()).toString();
    }

    /**
     * The heap in use when the JVM's most recent collection ended, whichever collector ran it; -1 before the first.
     * Read from that collection's own record of every pool rather than from each pool's collection usage, which only
     * the pool's own collectors update: summed, those would mix moments (Serial's old generation changes only at a
     * full GC).
     */
    static long heapAfterLastGc() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(GarbageCollectorMXBean.class::isInstance)
                .map(collector -> ((GarbageCollectorMXBean) collector).getLastGcInfo())
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(GcInfo::getEndTime))
                .map(last -> last.getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum())
                .orElse(-1L);
    }

    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** VmRSS from /proc/self/status (Linux); -1 where there is no such file. */
    private static long rssBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
