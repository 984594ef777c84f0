package adapters.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the DynamoDB client's connections, remembering where to, and closes the idle ones before a SnapStart
 * snapshot: a socket kept alive in the snapshot is dead in every restored copy. The JDK pools these connections
 * process-wide and offers no call to close them; connecting afresh hands back a pooled socket first, so each probe
 * that connects and disconnects closes one, and {@value #MAX_KEPT_PER_ORIGIN} probes (the JDK's default
 * {@code http.maxConnections}, the most it keeps per origin) empty the pool.
 */
public final class KeptAliveConnections implements UrlConnectionFactory, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(KeptAliveConnections.class);
    static final int MAX_KEPT_PER_ORIGIN = 5;

    private final Set<URI> origins = ConcurrentHashMap.newKeySet();
    private final int connectTimeoutMillis;

    KeptAliveConnections(Duration connectTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        origins.add(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/"));
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMillis);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a connection to " + uri, e);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        origins.forEach(this::closeIdle);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // The next call opens a new connection.
    }

    private void closeIdle(URI origin) {
        try {
            for (int probe = 0; probe < MAX_KEPT_PER_ORIGIN; probe++) {
                HttpURLConnection connection = (HttpURLConnection) origin.toURL().openConnection();
                connection.setConnectTimeout(connectTimeoutMillis);
                connection.connect();
                connection.disconnect();
            }
        } catch (IOException e) {
            LOG.warn("could not close the idle connections to {} before the snapshot: {}", origin, e.toString());
        }
    }
}
