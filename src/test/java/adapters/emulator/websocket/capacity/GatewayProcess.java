package adapters.emulator.websocket.capacity;

import adapters.emulator.websocket.EmulatorSettings;
import adapters.emulator.websocket.ApiGatewayEmulator;
import adapters.emulator.websocket.Route;
import adapters.emulator.websocket.RouteTable;
import adapters.emulator.definitions.FunctionDefinition;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway alone in its own JVM, with handlers that answer 200, so its heap and RSS can be measured apart from
 * the load generator. Prints {@code PORT n}; answers {@code stats} with
 * {@code STATS heapBytes rssKb open cpuMillis}; exits on
 * {@code quit}.
 */
public final class GatewayProcess {
    private GatewayProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        FunctionDefinition function = new FunctionDefinition("Ok", "ok", Map.of(), Duration.ofSeconds(10), 128,
                "us-east-1");
        RouteTable routes = new RouteTable("$request.body.action", List.of(Route.CONNECT, Route.DISCONNECT,
                Route.DEFAULT).stream().map(key -> new Route(key, function, Duration.ofSeconds(29), false)).toList());
        APIGatewayV2WebSocketResponse ok = new APIGatewayV2WebSocketResponse();
        ok.setStatusCode(200);
        try (ApiGatewayEmulator gateway = ApiGatewayEmulator.start(EmulatorSettings.defaults().withPort(0), routes,
                (route, event) -> ok)) {
            System.out.println("PORT " + gateway.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                System.out.println("STATS " + heapAfterGc() + " " + rssKb() + " " + gateway.openConnections() + " "
                        + cpuMillis());
            }
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }
}
