package domain;

import java.time.Instant;

/** One connection in a notification's audience: what fan-out needs to push and to judge staleness. */
public record Recipient(ConnectionId connectionId, UserId userId, Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
