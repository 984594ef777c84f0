package adapters.emulator.websocket.capacity;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Opens many WebSocket connections to a gateway running in its own JVM ({@link GatewayProcess}) and reports
 * connects/s, handshake p99, and the gateway's heap after GC and RSS. Manual run, 10,000 connections:
 * {@code mvn -q -DskipTests test-compile && java -cp "target/test-classes:target/classes:$(mvn -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" adapters.emulator.websocket.capacity.CapacityProbe 10000 200}
 *
 * <p>Its connections are bare Netty channels, not the tests' {@code testsupport.WebSocketTestClient}, because the
 * load generator must cost less than what it loads. Opening 10,000 through the JDK's client on the shared 2-core
 * machine took 2.3 times the probe's CPU (44 s against 19 s), four times its memory (RSS 977 MiB against 234 MiB)
 * and reached a quarter of the connect rate (263/s against 942/s), so connects/s and p99 measured the client instead
 * of the gateway. The probe never sends or reads a message, so it needs nothing else from a client.
 */
public final class CapacityProbe {
    /** What one run measured. */
    public record Report(int requested, int opened, double connectsPerSecond, double handshakeP99Millis,
            long idleHeapBytes, long heapBytes, long idleRssKb, long rssKb, int serverOpen, long serverCpuMillis) {
        @Override
        public String toString() {
            return String.format("opened %d/%d connections: %.0f connects/s, handshake p99 %.1f ms; gateway heap after "
                    + "GC %.1f MiB (idle %.1f MiB, %.2f KiB per connection), RSS %.0f MiB (idle %.0f MiB); server open %d, "
                    + "gateway CPU %d ms while connecting",
                    opened, requested, connectsPerSecond, handshakeP99Millis, heapBytes / 1048576.0,
                    idleHeapBytes / 1048576.0, (heapBytes - idleHeapBytes) / 1024.0 / Math.max(1, opened),
                    rssKb / 1024.0, idleRssKb / 1024.0, serverOpen, serverCpuMillis);
        }
    }

    private CapacityProbe() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.println(run(connections, concurrency));
    }

    public static Report run(int connections, int concurrency) throws Exception {
        Process server = new ProcessBuilder(javaCommand()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
        EventLoopGroup group = new NioEventLoopGroup(2);
        try {
            int port = Integer.parseInt(line(out, "PORT ")[1]);
            String[] idle = stats(in, out);
            Queue<Long> latencies = new ConcurrentLinkedQueue<>();
            List<Channel> channels = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            open(group, URI.create("ws://127.0.0.1:" + port + "/prod"), connections, concurrency, latencies, channels);
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] loaded = stats(in, out);
            channels.forEach(Channel::close);
            in.println("quit");
            server.waitFor(30, TimeUnit.SECONDS);
            return new Report(connections, channels.size(), channels.size() / seconds, p99(latencies),
                    Long.parseLong(idle[1]), Long.parseLong(loaded[1]), Long.parseLong(idle[2]),
                    Long.parseLong(loaded[2]), Integer.parseInt(loaded[3]),
                    Long.parseLong(loaded[4]) - Long.parseLong(idle[4]));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    private static void open(EventLoopGroup group, URI uri, int connections, int concurrency, Queue<Long> latencies,
            List<Channel> channels) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            inFlight.acquire();
            long started = System.nanoTime();
            Runnable finished = () -> {
                latencies.add(System.nanoTime() - started);
                inFlight.release();
                done.countDown();
            };
            new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                            new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri,
                                    WebSocketVersion.V13, null, false, new DefaultHttpHeaders())),
                            new Opened(channels, finished));
                }
            }).connect(uri.getHost(), uri.getPort()).addListener(f -> {
                if (!f.isSuccess()) {
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await(5, TimeUnit.MINUTES);
    }

    /** Counts a connection once its handshake completed. */
    private static final class Opened extends ChannelInboundHandlerAdapter {
        private final List<Channel> channels;
        private final Runnable finished;

        Opened(List<Channel> channels, Runnable finished) {
            this.channels = channels;
            this.finished = finished;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                channels.add(ctx.channel());
                finished.run();
            }
            ctx.fireUserEventTriggered(event);
        }
    }

    private static String[] stats(PrintWriter in, BufferedReader out) throws java.io.IOException {
        in.println("stats");
        return line(out, "STATS ");
    }

    private static String[] line(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the gateway process ended before printing " + prefix);
    }

    private static List<String> javaCommand() {
        return List.of(System.getProperty("java.home") + "/bin/java", "-Xms64m", "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), GatewayProcess.class.getName());
    }

    private static double p99(Queue<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1e6;
    }
}
