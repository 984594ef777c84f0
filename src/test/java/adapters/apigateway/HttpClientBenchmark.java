package adapters.apigateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.utils.AttributeMap;
import testsupport.ConnectedClients;

/**
 * Compares the SDK's async HTTP clients on the @connections client as production builds it (see
 * docs/http-client.md and src/test/bench/http-client.sh). Not a test: a main class, run by hand.
 * The clients are loaded by name through the SDK's service interface, so this compiles with either
 * client's jar absent; the one to measure must be on the class path.
 *
 * <pre>
 * serve FILE SECONDS                        the gateway emulator and one client; writes "endpoint id" to FILE
 * cold netty|crt ENDPOINT ID                build a client, time the first POST, exit
 * throughput netty|crt ENDPOINT ID INFLIGHT WARMUP_S MEASURE_S
 * </pre>
 */
public final class HttpClientBenchmark {
    private static final SdkBytes PAYLOAD = SdkBytes.fromUtf8String("{\"n\":\"" + "x".repeat(240) + "\"}");

    private HttpClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Path.of(args[1]), Long.parseLong(args[2]));
            case "cold" -> cold(args[1], URI.create(args[2]), args[3]);
            case "throughput" -> throughput(args[1], URI.create(args[2]), args[3], Integer.parseInt(args[4]),
                    Long.parseLong(args[5]), Long.parseLong(args[6]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void serve(Path file, long seconds) throws IOException, InterruptedException {
        try (ConnectedClients gateway = ConnectedClients.start()) {
            Files.writeString(file, gateway.endpoint() + " " + gateway.open() + "\n");
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        }
    }

    private static void cold(String kind, URI endpoint, String id) {
        long start = System.nanoTime();
        SdkAsyncHttpClient http = httpClient(kind, ApiGatewaySettings.MAX_IN_FLIGHT);
        ApiGatewayManagementApiAsyncClient client = client(endpoint, http);
        long built = System.nanoTime();
        client.postToConnection(r -> r.connectionId(id).data(PAYLOAD)).join();
        long posted = System.nanoTime();
        long launchedAt = Long.getLong("bench.launchedAtMs", 0);
        System.out.printf("cold %s build_ms=%.1f first_post_ms=%.1f main_to_first_200_ms=%.1f"
                        + " launch_to_first_200_ms=%d cpu_ms=%d%n", kind, (built - start) / 1e6, (posted - built) / 1e6,
                (posted - start) / 1e6, System.currentTimeMillis() - launchedAt, cpuMillis());
        client.close();
        http.close();
    }

    private static void throughput(String kind, URI endpoint, String id, int inFlight, long warmup, long measure)
            throws InterruptedException {
        SdkAsyncHttpClient http = httpClient(kind, inFlight);
        try (ApiGatewayManagementApiAsyncClient client = client(endpoint, http)) {
            run(client, id, inFlight, Duration.ofSeconds(warmup));
            long cpuBefore = cpuMillis();
            long[] result = run(client, id, inFlight, Duration.ofSeconds(measure));
            long cpu = cpuMillis() - cpuBefore;
            System.out.printf("throughput %s in_flight=%d posts_per_s=%.0f cpu_ms_per_1000_posts=%.0f errors=%d%n",
                    kind, inFlight, result[0] / (double) measure, cpu * 1000.0 / Math.max(1, result[0]), result[1]);
        } finally {
            http.close();
        }
    }

    /** Keeps {@code inFlight} POSTs open until the time is up; returns {successes, errors}. */
    private static long[] run(ApiGatewayManagementApiAsyncClient client, String id, int inFlight, Duration time)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            permits.acquire();
            client.postToConnection(r -> r.connectionId(id).data(PAYLOAD)).whenComplete((r, e) -> {
                (e == null ? ok : errors).incrementAndGet();
                permits.release();
            });
        }
        permits.acquire(inFlight);
        return new long[] {ok.get(), errors.get()};
    }

    /** CPU time of the whole process, all threads, JVM start-up included: contention from other work does not inflate it. */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static ApiGatewayManagementApiAsyncClient client(URI endpoint, SdkAsyncHttpClient http) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCHMARK", "benchmark"));
        // Production's timeouts, lengthened so that a slow first call is measured, not cut off.
        var settings = new ApiGatewaySettings(endpoint, Region.EU_WEST_1, Duration.ofSeconds(30), Duration.ofSeconds(30),
                ApiGatewaySettings.MAX_IN_FLIGHT);
        return ManagementClients.build(settings, credentials, http);
    }

    private static SdkAsyncHttpClient httpClient(String kind, int maxConnections) {
        String service = switch (kind) {
            case "netty" -> "software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService";
            case "crt" -> "software.amazon.awssdk.http.crt.AwsCrtSdkHttpService";
            default -> throw new IllegalArgumentException("netty or crt, not " + kind);
        };
        try {
            var factory = ((SdkAsyncHttpService) Class.forName(service).getDeclaredConstructor().newInstance())
                    .createAsyncHttpClientFactory();
            return factory.buildWithDefaults(
                    AttributeMap.builder().put(SdkHttpConfigurationOption.MAX_CONNECTIONS, maxConnections).build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind + "'s jar is not on the class path", e);
        }
    }
}
