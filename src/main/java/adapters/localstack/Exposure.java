package adapters.localstack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code herald local} lets other machines reach when it listens beyond loopback, said before anyone relies on
 * it: none of it checks who is calling, as AWS would.
 */
public final class Exposure {
    private Exposure() {
    }

    /** The warning to print, or empty when the gateway listens on loopback only. */
    public static Optional<String> warning(LocalStackSettings settings) {
        if (isLoopback(settings.host())) {
            return Optional.empty();
        }
        String base = "http://" + settings.host() + ":" + settings.gatewayPort();
        String dev = settings.devEndpointsFromAnyAddress()
                ? "  - the development endpoints, opened by --dev-endpoints-from-any-address: POST /dev/token mints tokens"
                        + " the stack accepts for any user, POST /dev/notifications sends to anyone, GET /dev/connections"
                        + " lists every connection\n"
                : "  - not the development endpoints under /dev/ (token minting): they answer only this machine unless"
                        + " --dev-endpoints-from-any-address is given\n";
        return Optional.of("WARNING: herald local listens on " + settings.host() + ", so other machines can reach:\n"
                + "  - the WebSocket API, " + base.replace("http:", "ws:") + "/prod\n"
                + "  - @connections, " + base + "/prod/@connections/{id}: signatures are not checked, so anyone can send"
                + " to, read and close any connection\n"
                + "  - the test page, " + base + "/\n"
                + dev
                + "The embedded SQS listens on localhost only.");
    }

    private static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException unresolved) {
            return false;
        }
    }
}
