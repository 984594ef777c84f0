package domain;

import java.time.Clock;
import java.time.Instant;
import ports.ConnectionRepository;
import ports.TokenVerifier;

/** $connect: verifies the token, enforces the per-user limit, and records the connection. */
public final class ConnectService {
    private final TokenVerifier verifier;
    private final ConnectionRepository repository;
    private final Limits limits;
    private final Clock clock;

    public ConnectService(TokenVerifier verifier, ConnectionRepository repository, Limits limits, Clock clock) {
        this.verifier = verifier;
        this.repository = repository;
        this.limits = limits;
        this.clock = clock;
    }

    /** The limit is checked before the write, so two simultaneous connects may both pass it; one extra is harmless. */
    public ConnectResult connect(ConnectionId id, String token) {
        if (token == null || token.isBlank()) {
            return new ConnectResult.TokenRejected(TokenRefusal.MISSING, TokenRefusal.MISSING.meaning());
        }
        TokenVerification verification = verifier.verify(token);
        if (verification instanceof TokenVerification.Refused refused) {
            return new ConnectResult.TokenRejected(refused.reason(), refused.detail());
        }
        Principal principal = ((TokenVerification.Verified) verification).principal();
        Instant now = clock.instant();
        try {
            long open = repository.audienceOf(Target.user(principal.userId())).stream()
                    .filter(recipient -> recipient.isLiveAt(now))
                    .count();
            if (open >= limits.maxConnectionsPerUser()) {
                return new ConnectResult.LimitReached(principal.userId(), limits.maxConnectionsPerUser());
            }
            Connection connection = Connection.open(id, principal, now, limits);
            repository.save(connection);
            return new ConnectResult.Accepted(connection);
        } catch (ConnectionRepositoryException e) {
            return new ConnectResult.Unavailable(e.getMessage());
        }
    }
}
