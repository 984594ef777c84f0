package domain;

/** The notification history could not be reached or did not complete an operation; retrying later may succeed. */
public class HistoryUnavailableException extends RuntimeException {
    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryUnavailableException(String message) {
        super(message);
    }
}
