package adapters.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The browsers: many WebSocket clients on Netty's client, already on the class path, with two event-loop threads for
 * all of them; the capacity scenario reports what each costs here (about 3.3 KB of heap per connection at 10,000).
 * Each offers the subprotocols {@code herald} and its token, as Herald's browser client does.
 */
final class Fleet implements AutoCloseable {
    private final URI uri;
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final AtomicReferenceArray<Channel> channels;
    final LongAdder opened = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder notifications = new LongAdder();
    private volatile Phase phase;

    Fleet(URI uri, int size) {
        this.uri = uri;
        this.channels = new AtomicReferenceArray<>(size);
        this.phase = new Phase("connecting", size);
    }

    int size() {
        return channels.length();
    }

    /** Opens every connection, {@code concurrency} handshakes at a time; returns each handshake's duration. */
    Histogram open(int concurrency, IntFunction<String> tokens) throws InterruptedException {
        ConcurrentHistogram handshakes = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(size());
        for (int i = 0; i < size(); i++) {
            inFlight.acquire();
            long started = System.nanoTime();
            int index = i;
            connect(index, tokens.apply(index), ok -> {
                if (ok) {
                    handshakes.recordValue(System.nanoTime() - started);
                    opened.increment();
                } else {
                    failed.increment();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(10, TimeUnit.MINUTES);
        return handshakes;
    }

    private void connect(int index, String token, java.util.function.Consumer<Boolean> finished) {
        FleetHandler handler = new FleetHandler(this, index, finished);
        new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channels.set(index, channel);
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                        new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri,
                                WebSocketVersion.V13, "herald," + token, false, new DefaultHttpHeaders())),
                        handler);
            }
        }).connect(uri.getHost(), uri.getPort()).addListener(f -> {
            if (!f.isSuccess()) {
                finished.accept(false);
            }
        });
    }

    /** Sends a text message down connection {@code index}; false if it is not open. */
    boolean send(int index, String text) {
        Channel channel = channels.get(index);
        if (channel == null || !channel.isActive()) {
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text));
        return true;
    }

    /** Starts recording deliveries into a fresh phase. */
    Phase begin(String name) {
        Phase next = new Phase(name, size());
        phase = next;
        return next;
    }

    Phase phase() {
        return phase;
    }

    int openNow() {
        int open = 0;
        for (int i = 0; i < size(); i++) {
            Channel channel = channels.get(i);
            open += channel != null && channel.isActive() ? 1 : 0;
        }
        return open;
    }

    @Override
    public void close() {
        for (int i = 0; i < size(); i++) {
            Channel channel = channels.get(i);
            if (channel != null) {
                channel.close();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
