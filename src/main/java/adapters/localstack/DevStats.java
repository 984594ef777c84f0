package adapters.localstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * {@code GET /dev/stats}, for {@code herald bench}, which runs in another process and cannot look inside this one: the
 * stack's footprint as JSON (heap used after a full GC, resident set size, open connections, process CPU time).
 */
final class DevStats {
    private final IntSupplier openConnections;

    DevStats(IntSupplier openConnections) {
        this.openConnections = openConnections;
    }

    String json() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "{\"heapUsedAfterGcBytes\":" + heap + ",\"rssBytes\":" + rssBytes() + ",\"openConnections\":"
                + openConnections.getAsInt() + ",\"cpuMillis\":" + cpuMillis() + "}";
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
