package adapters.emulator.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;

/**
 * One open WebSocket connection: what the events and GET @connections report, and why it closed. Kept small on
 * purpose: the gateway holds ten thousand of these.
 */
final class Connection {
    static final AttributeKey<Connection> KEY = AttributeKey.valueOf("emulator.connection");
    static final int ABNORMAL = 1006;

    final String id;
    final Channel channel;
    final long connectedAt;
    final String sourceIp;
    final String userAgent;
    final String domainName;
    private volatile long lastActiveAt;
    private int closeCode;
    private String closeReason;

    Connection(String id, Channel channel, String sourceIp, String userAgent, String domainName) {
        this.id = id;
        this.channel = channel;
        this.connectedAt = System.currentTimeMillis();
        this.lastActiveAt = connectedAt;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.domainName = domainName;
    }

    void touch() {
        lastActiveAt = System.currentTimeMillis();
    }

    long lastActiveAt() {
        return lastActiveAt;
    }

    /** Records why the connection closes; the first cause wins (a client close after our close frame is no news). */
    synchronized void closing(int code, String reason) {
        if (closeCode == 0) {
            closeCode = code;
            closeReason = reason;
        }
    }

    /** Closes from the server side with a close frame; {@code $disconnect} then reports this code. */
    void closeWith(int code, String reason) {
        closing(code, reason);
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    synchronized int closeCode() {
        return closeCode == 0 ? ABNORMAL : closeCode;
    }

    synchronized String closeReason() {
        return closeCode == 0 ? "Connection closed abnormally" : closeReason;
    }
}
