package domain;

/** The connection repository could not be reached or did not complete an operation; retrying later may succeed. */
public class ConnectionRepositoryException extends RuntimeException {
    public ConnectionRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectionRepositoryException(String message) {
        super(message);
    }
}
