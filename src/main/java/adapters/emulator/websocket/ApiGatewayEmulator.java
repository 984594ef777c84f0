package adapters.emulator.websocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's WebSocket API on a laptop, on Netty: {@code ws://host:port/{stage}} runs the template's routes,
 * and {@code http://host:port/{stage}/@connections/{id}} is the management API. Start it with
 * {@link #start(EmulatorSettings, RouteTable, LambdaInvoker)}; {@link #close()} closes every socket, runs their
 * {@code $disconnect} and stops.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayEmulator.class);
    // The URL limit is 4096 characters; the request line adds the method and version around it. A URL just over the
    // limit passes Netty's decoder and is refused by the dispatcher; a longer line never reaches memory whole.
    private static final int MAX_REQUEST_LINE = EmulatorSettings.MAX_URL_CHARS + 32;
    // The development endpoints' JSON bodies; @connections refuses anything over 128 KB itself.
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final EmulatorState gateway;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final Extensions extensions;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiGatewayEmulator(EmulatorState gateway, EventLoopGroup boss, EventLoopGroup workers, Channel server,
                         Extensions extensions) {
        this.gateway = gateway;
        this.extensions = extensions;
        this.boss = boss;
        this.workers = workers;
        this.server = server;
    }

    public static ApiGatewayEmulator start(EmulatorSettings settings, RouteTable routes, LambdaInvoker invoker)
            throws InterruptedException {
        return start(settings, routes, invoker, HttpExtension.NONE);
    }

    /** As {@link #start(EmulatorSettings, RouteTable, LambdaInvoker)}, also answering the paths {@code extension} handles. */
    public static ApiGatewayEmulator start(EmulatorSettings settings, RouteTable routes, LambdaInvoker invoker,
                                     HttpExtension extension) throws InterruptedException {
        Invocations invocations = new Invocations(invoker, settings.handlerThreads());
        Events events = new Events(settings.apiId(), settings.stage());
        Connections connections = new Connections();
        EmulatorState gateway = new EmulatorState(settings, routes, invocations, events, connections,
                new Disconnects(routes, invocations, events, connections));
        Extensions extensions = new Extensions(extension,
                new ExtensionGuard(settings.host(), settings.extensionsFromAnyAddress()));
        HttpDispatcher dispatcher = new HttpDispatcher(settings.stage(),
                new Handshake(gateway, new Upgrade(gateway, new FrameHandler(new Messages(gateway)))),
                new ManagementApi(connections), new StaticFiles(settings.staticDirectory()), extensions);
        Transport transport = Transport.best();
        EventLoopGroup boss = transport.group(1);
        EventLoopGroup workers = transport.group(settings.eventLoopThreads());
        Channel server = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("codec", new HttpServerCodec(MAX_REQUEST_LINE, EmulatorSettings.MAX_HEADER_BYTES,
                                        8192))
                                .addLast("deadline", new RequestDeadline(settings.handshakeTimeout()))
                                .addLast("aggregator", new BoundedBodies(MAX_BODY_BYTES))
                                .addLast("http", dispatcher);
                    }
                })
                .bind(settings.host(), settings.port()).sync().channel();
        ApiGatewayEmulator started = new ApiGatewayEmulator(gateway, boss, workers, server, extensions);
        LOG.info("local API Gateway on {} (@connections on {})", started.webSocketUri(), started.managementEndpoint());
        return started;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@code ws://host:port/stage}: what browsers connect to. */
    public URI webSocketUri() {
        return URI.create("ws://" + gateway.settings().host() + ":" + port() + "/" + gateway.settings().stage());
    }

    /** {@code http://host:port/stage}: the endpoint for the @connections API (WS_API_ENDPOINT locally). */
    public URI managementEndpoint() {
        return URI.create("http://" + gateway.settings().host() + ":" + port() + "/" + gateway.settings().stage());
    }

    public int openConnections() {
        return gateway.connections().size();
    }

    /** The connections open now, oldest first. */
    public List<OpenConnection> connections() {
        return gateway.connections().all().stream()
                .sorted(Comparator.comparingLong(connection -> connection.connectedAt))
                .map(connection -> new OpenConnection(connection.id, Instant.ofEpochMilli(connection.connectedAt),
                        connection.userAgent))
                .toList();
    }

    /** An open connection as the local stack's tools list it. */
    public record OpenConnection(String connectionId, Instant connectedAt, String userAgent) {
    }

    /** Stops accepting, closes every connection with 1001, waits (5 s at most) for their {@code $disconnect}, stops;
     * idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close().syncUninterruptibly();
        gateway.connections().all().forEach(connection -> connection.closeWith(1001, "Going away"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            gateway.disconnects().allDone().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("stopping before every $disconnect finished", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.invocations().close();
        extensions.close();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
