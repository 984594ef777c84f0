package adapters.emulator.websocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the plugged-in {@link HttpExtension}: extensions are development aids (a token minter, say) that must
 * not answer the network because the gateway listens on it, nor a page from another site that the developer's browser
 * has open (it sends its own {@code Origin}; DNS rebinding gives it a loopback address too). Clients without an
 * {@code Origin} (curl, scripts) are not browsers running someone else's page, so only the address applies to them.
 */
final class ExtensionGuard {
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "");

    private final String host;
    private final boolean fromAnyAddress;

    ExtensionGuard(String host, boolean fromAnyAddress) {
        this.host = host.toLowerCase(Locale.ROOT);
        this.fromAnyAddress = fromAnyAddress;
    }

    /** Why the request is refused, or empty; {@code local} is the gateway's end of the client's socket. */
    Optional<String> refusal(InetSocketAddress remote, InetSocketAddress local, String origin) {
        if (!fromAnyAddress && !remote.getAddress().isLoopbackAddress()) {
            return Optional.of("Forbidden: this endpoint answers only clients on this machine");
        }
        if (origin != null && !isOwnPage(origin, local)) {
            return Optional.of("Forbidden: this endpoint answers only pages the gateway served");
        }
        return Optional.empty();
    }

    /** Whether the page was served by this gateway: http, its port, and a loopback name, its host or the address dialled. */
    private boolean isOwnPage(String origin, InetSocketAddress local) {
        URI page;
        try {
            page = new URI(origin);
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
        int port = page.getPort() == -1 ? 80 : page.getPort();
        String name = page.getHost() == null ? "" : page.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equalsIgnoreCase(page.getScheme()) || port != local.getPort()) {
            return false;
        }
        if (name.equals("localhost") || name.equals(host) || name.equals("[" + host + "]")) {
            return true;
        }
        Optional<InetAddress> address = literal(name);
        return address.isPresent() && (address.get().isLoopbackAddress()
                || WILDCARDS.contains(host) && address.get().equals(local.getAddress()));
    }

    /** The address an IP literal names; never a DNS lookup, which a hostile page could steer. */
    private static Optional<InetAddress> literal(String name) {
        boolean ipv4 = name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = name.startsWith("[") && name.endsWith("]");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name));
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }
}
