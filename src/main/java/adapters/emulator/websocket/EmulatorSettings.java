package adapters.emulator.websocket;

import adapters.emulator.definitions.TemplateOverrides;
import java.time.Duration;
import java.util.Map;

/**
 * How the local gateway listens and which of API Gateway's limits it applies.
 *
 * @param port 0 picks a free port (tests)
 * @param staticDirectory a classpath directory served under {@code /} (an HTML test page), or null for none
 * @param handlerThreads the most concurrent handler invocations; more wait in a bounded queue
 * @param eventLoopThreads the threads that run every socket's I/O (never a handler)
 * @param handshakeTimeout how long a client may take to send a whole request (request line, headers, body); a socket
 *        that sends nothing, or sends slowly, is closed when it runs out
 * @param extensionsFromAnyAddress whether a plugged-in {@link HttpExtension} answers clients that are not on loopback
 */
public record EmulatorSettings(String host, int port, String stage, String apiId, Duration idleTimeout,
        Duration maxConnectionDuration, int handlerThreads, int eventLoopThreads, String staticDirectory, Duration handshakeTimeout,
        boolean extensionsFromAnyAddress) {
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;
    public static final int MAX_FRAME_BYTES = 32 * 1024;
    /** API Gateway's quota on a WebSocket API's URL, in characters. */
    public static final int MAX_URL_CHARS = 4096;
    /** API Gateway's quota on the request line and headers together (documented for HTTP APIs; none for WebSocket). */
    public static final int MAX_HEADER_BYTES = 10_240;
    /**
     * Handlers block while they call out (a push through @connections, a DynamoDB request), so there are more of them
     * than cores; but each one costs a stack, and more runnable threads than cores only add context switches.
     */
    public static final int DEFAULT_HANDLER_THREADS = 16;

    /**
     * {@code ws://localhost:3001/prod} with AWS's idle timeout (10 min) and maximum duration (2 h); one event loop per
     * core, and {@link #DEFAULT_HANDLER_THREADS} handler threads.
     */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings("localhost", 3001, "prod", TemplateOverrides.DEFAULT_API_ID,
                Duration.ofMinutes(10), Duration.ofHours(2), DEFAULT_HANDLER_THREADS,
                Runtime.getRuntime().availableProcessors(), null, Duration.ofSeconds(10), false);
    }

    /** Reads {@code LOCAL_GATEWAY_HOST}, {@code _PORT}, {@code _STAGE}, {@code _IDLE_SECONDS}, {@code _MAX_SECONDS},
     * {@code _HANDSHAKE_SECONDS}. */
    public static EmulatorSettings fromEnvironment(Map<String, String> env) {
        EmulatorSettings d = defaults();
        return new EmulatorSettings(env.getOrDefault("LOCAL_GATEWAY_HOST", d.host()),
                Integer.parseInt(env.getOrDefault("LOCAL_GATEWAY_PORT", String.valueOf(d.port()))),
                env.getOrDefault("LOCAL_GATEWAY_STAGE", d.stage()), d.apiId(),
                seconds(env, "LOCAL_GATEWAY_IDLE_SECONDS", d.idleTimeout()),
                seconds(env, "LOCAL_GATEWAY_MAX_SECONDS", d.maxConnectionDuration()), d.handlerThreads(),
                d.eventLoopThreads(), env.getOrDefault("LOCAL_GATEWAY_STATIC_DIR", d.staticDirectory()),
                seconds(env, "LOCAL_GATEWAY_HANDSHAKE_SECONDS", d.handshakeTimeout()), d.extensionsFromAnyAddress());
    }

    public EmulatorSettings withPort(int newPort) {
        return new EmulatorSettings(host, newPort, stage, apiId, idleTimeout, maxConnectionDuration, handlerThreads,
                eventLoopThreads, staticDirectory, handshakeTimeout, extensionsFromAnyAddress);
    }

    public EmulatorSettings withStage(String newStage) {
        return new EmulatorSettings(host, port, newStage, apiId, idleTimeout, maxConnectionDuration, handlerThreads,
                eventLoopThreads, staticDirectory, handshakeTimeout, extensionsFromAnyAddress);
    }

    public EmulatorSettings withTimeouts(Duration idle, Duration max) {
        return new EmulatorSettings(host, port, stage, apiId, idle, max, handlerThreads, eventLoopThreads, staticDirectory,
                handshakeTimeout, extensionsFromAnyAddress);
    }

    public EmulatorSettings withHandshakeTimeout(Duration timeout) {
        return new EmulatorSettings(host, port, stage, apiId, idleTimeout, maxConnectionDuration, handlerThreads,
                eventLoopThreads, staticDirectory, timeout, extensionsFromAnyAddress);
    }

    public EmulatorSettings withStaticDirectory(String directory) {
        return new EmulatorSettings(host, port, stage, apiId, idleTimeout, maxConnectionDuration, handlerThreads,
                eventLoopThreads, directory, handshakeTimeout, extensionsFromAnyAddress);
    }

    public EmulatorSettings withThreads(int handlers, int eventLoops) {
        return new EmulatorSettings(host, port, stage, apiId, idleTimeout, maxConnectionDuration, handlers, eventLoops,
                staticDirectory, handshakeTimeout, extensionsFromAnyAddress);
    }

    /** Lets the plugged-in extension answer clients on other machines too (by default only loopback ones). */
    public EmulatorSettings withExtensionsFromAnyAddress(boolean allowed) {
        return new EmulatorSettings(host, port, stage, apiId, idleTimeout, maxConnectionDuration, handlerThreads,
                eventLoopThreads, staticDirectory, handshakeTimeout, allowed);
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        return value == null ? fallback : Duration.ofSeconds(Long.parseLong(value));
    }
}
