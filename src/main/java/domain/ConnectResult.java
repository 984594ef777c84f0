package domain;

/** The answer to a $connect: accepted with its record, or refused with a reason the client can read. */
public sealed interface ConnectResult {

    record Accepted(Connection connection) implements ConnectResult {
    }

    /** The token did not pass; nothing was stored. */
    record TokenRejected(TokenRefusal reason, String detail) implements ConnectResult {
    }

    /** The user already holds the maximum number of open connections; nothing was stored. */
    record LimitReached(UserId user, int limit) implements ConnectResult {
    }

    /** The connection store failed; the client may retry. */
    record Unavailable(String detail) implements ConnectResult {
    }
}
