package adapters.emulator.websocket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open connections by id, as @connections finds them. */
final class Connections {
    private final ConcurrentMap<String, Connection> open = new ConcurrentHashMap<>();

    void add(Connection connection) {
        open.put(connection.id, connection);
    }

    void remove(Connection connection) {
        open.remove(connection.id, connection);
    }

    /** The connection if it is open: one whose socket closed is gone even before {@code $disconnect} ran. */
    Optional<Connection> find(String id) {
        return Optional.ofNullable(open.get(id)).filter(c -> c.channel.isActive());
    }

    Collection<Connection> all() {
        return List.copyOf(open.values());
    }

    int size() {
        return open.size();
    }
}
