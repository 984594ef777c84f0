package adapters.local.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths API Gateway does not have, for {@code herald bench}, which runs in another process: {@code GET /dev/stats}
 * answers the gateway's footprint (heap used after a full GC, resident set size, open connections, process CPU time)
 * and {@code GET /dev/connections} the open connection ids, which a client never learns, as JSON.
 */
final class DevStats {
    static final String PATH = "/dev/stats";

    private final Connections connections;

    DevStats(Connections connections) {
        this.connections = connections;
    }

    // The full GC stops every thread anyway, so running it on the event loop costs nothing extra.
    void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String json = "{\"heapUsedAfterGcBytes\":" + heap + ",\"rssBytes\":" + rssBytes() + ",\"openConnections\":"
                + connections.size() + ",\"cpuMillis\":" + cpuMillis() + "}";
        HttpResponses.send(ctx, request, HttpResponses.response(200, "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
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
