package domain;

/** The id API Gateway gives a WebSocket connection; opaque to Herald. */
public record ConnectionId(String value) {
    public ConnectionId {
        Ids.requireText(value, "connection id");
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
