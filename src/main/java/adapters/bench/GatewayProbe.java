package adapters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the local gateway's {@code /dev/stats} and {@code /dev/connections}, which only the local stack has. */
final class GatewayProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The gateway's footprint: the heap after a full GC it forced (-1 when it forced none), after its own last GC (-1
     * before the first); {@code cpuMillis} is the process's CPU time so far.
     */
    record Stats(long heapUsedAfterGcBytes, long heapAfterLastGcBytes, long rssBytes, int openConnections, long cpuMillis) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    /** {@code webSocket} is the stage URL, e.g. ws://localhost:3001/prod; the dev paths sit at its root. */
    GatewayProbe(URI webSocket) {
        this.base = URI.create("http://" + webSocket.getHost() + ":" + webSocket.getPort());
    }

    /** The footprint after a full GC, which stops the gateway's world: for a moment when nothing is measured. */
    Stats stats() throws IOException, InterruptedException {
        return stats("/dev/stats");
    }

    /** The footprint without forcing a GC, so that polling it does not show in the latencies being measured. */
    Stats statsWithoutGc() throws IOException, InterruptedException {
        return stats("/dev/stats?gc=no");
    }

    private Stats stats(String path) throws IOException, InterruptedException {
        JsonNode json = get(path);
        return new Stats(json.path("heapUsedAfterGcBytes").asLong(-1), json.path("heapAfterLastGcBytes").asLong(-1),
                json.path("rssBytes").asLong(), json.path("openConnections").asInt(), json.path("cpuMillis").asLong());
    }

    List<String> connectionIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        get("/dev/connections").path("connections").forEach(open -> ids.add(open.path("connectionId").asText()));
        return ids;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode()
                    + ": is this herald local, with its /dev paths?");
        }
        return JSON.readTree(response.body());
    }
}
