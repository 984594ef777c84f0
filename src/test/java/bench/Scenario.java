package bench;

import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.Limits;
import domain.Principal;
import domain.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sets up the world one run's first request expects, with ids of its own so runs never see each
 * other's records: a token for $connect, a recorded connection for $disconnect, an open socket
 * that $default's answer must not reach through @connections, a user's socket and a claim's
 * subscriber for the Notifier. Afterwards, {@link #problem} says whether the request really took
 * that path.
 */
record Scenario(Function function, List<String> args, Map<String, String> environment, Supplier<String> problem) {
    private static final TokenMinter MINTER = TokenMinter.hs256(LocalEndpoints.JWT_SECRET, Clock.systemUTC());

    static Scenario prepare(Function function, String mode, int run, LocalEndpoints endpoints) {
        String user = "bench-" + function.key() + "-" + mode + "-" + run;
        String claim = "C-" + user;
        String connection = endpoints.clients().open();
        List<String> args = List.of(function.key(), mode, connection, user, claim);
        return switch (function) {
            case NOOP -> new Scenario(function, args, Map.of(), () -> null);
            case CONNECT -> new Scenario(function, args, Map.of("BENCH_TOKEN",
                    MINTER.mint(TokenRequest.forSubject(user).withClaims(List.of(claim)))),
                    () -> endpoints.repository().find(ConnectionId.of(connection)).isPresent() ? null : "no connection recorded");
            case DISCONNECT -> {
                save(endpoints, connection, user, claim);
                yield new Scenario(function, args, Map.of(),
                        () -> endpoints.repository().find(ConnectionId.of(connection)).isEmpty() ? null : "connection not removed");
            }
            case DEFAULT -> {
                save(endpoints, connection, user, claim);
                // The answer is the route's response (ColdStart's outcome names it); nothing goes through @connections.
                yield new Scenario(function, args, Map.of(), () -> endpoints.clients().received(connection).isEmpty() ? null
                        : "the answer was also pushed: " + endpoints.clients().received(connection));
            }
            case NOTIFIER, NOTIFIER_DELIVERED -> notifier(function, args, endpoints, connection, user, claim);
        };
    }

    private static Scenario notifier(Function function, List<String> args, LocalEndpoints endpoints, String connection,
                                     String user, String claim) {
        save(endpoints, connection, user, claim);
        String subscriber = endpoints.clients().open();
        save(endpoints, subscriber, user + "-subscriber", claim);
        endpoints.repository().subscribe(ConnectionId.of(subscriber), ClaimId.of(claim));
        return new Scenario(function, args, Map.of(), () -> {
            String toUser = receivedOne(endpoints, connection, "\"n-1\"");
            return toUser != null ? toUser : receivedOne(endpoints, subscriber, "\"n-3\"");
        });
    }

    private static void save(LocalEndpoints endpoints, String connection, String user, String claim) {
        Principal principal = new Principal(UserId.of(user), Set.of(ClaimId.of(claim)));
        endpoints.repository().save(Connection.open(ConnectionId.of(connection), principal, Clock.systemUTC().instant(),
                Limits.DEFAULT));
    }

    private static String receivedOne(LocalEndpoints endpoints, String connection, String expected) {
        List<String> received = endpoints.clients().received(connection);
        return received.size() == 1 && received.get(0).contains(expected) ? null
                : "socket " + connection + " received " + received + ", expected one message with " + expected;
    }
}
