package adapters.apigateway;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** The loopback @connections server ({@link ConnectionsServer}), opened to the cold-start benchmark outside this package. */
public final class LocalGateway implements AutoCloseable {
    private final ConnectionsServer server;

    private LocalGateway(ConnectionsServer server) {
        this.server = server;
    }

    public static LocalGateway start() throws IOException {
        return new LocalGateway(ConnectionsServer.start("prod"));
    }

    /** The stage URL, for {@code WS_API_ENDPOINT}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Opens a socket and returns its connection id. */
    public String open() {
        return server.open();
    }

    public List<String> received(String connectionId) {
        return server.received(connectionId);
    }

    @Override
    public void close() {
        server.close();
    }
}
