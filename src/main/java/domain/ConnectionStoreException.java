package domain;

/** The connection store could not be reached or did not complete an operation; retrying later may succeed. */
public class ConnectionStoreException extends RuntimeException {
    public ConnectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectionStoreException(String message) {
        super(message);
    }
}
