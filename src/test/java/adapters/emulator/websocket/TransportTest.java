package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransportTest {

    @Test
    void linux_gets_the_native_epoll_transport() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "epoll exists only on Linux");
        assertThat(Epoll.isAvailable()).as("Netty's native epoll library loads: %s", Epoll.unavailabilityCause()).isTrue();
        assertThat(Transport.best()).isEqualTo(Transport.EPOLL);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void each_transport_accepts_and_answers_on_loopback(Transport transport) throws Exception {
        assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable(), "no epoll here");
        EventLoopGroup group = transport.group(1);
        try {
            Channel server = new ServerBootstrap().group(group).channel(transport.serverChannel())
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object message) {
                                    ctx.writeAndFlush(message);
                                }
                            });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            try (Socket socket = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write("ping".getBytes());
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.readNBytes(4)).isEqualTo("ping".getBytes());
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
