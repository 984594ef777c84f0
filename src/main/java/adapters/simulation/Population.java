package adapters.simulation;

import domain.ClaimId;
import domain.Principal;
import domain.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The simulated users and their browsers: two clients per user on average, one to four claims each. */
final class Population {

    static final class Client {
        final int index;
        final Principal principal;
        final List<ClaimId> entitled;
        ConnectionLife connection;
        final Browser browser = new Browser();

        Client(int index, Principal principal, List<ClaimId> entitled) {
            this.index = index;
            this.principal = principal;
            this.entitled = entitled;
        }
    }

    private final List<Client> clients = new ArrayList<>();
    private final List<UserId> users = new ArrayList<>();
    private final List<ClaimId> claims = new ArrayList<>();
    private final SplittableRandom random;

    Population(int clientCount, SplittableRandom random) {
        this.random = random;
        int userCount = Math.max(1, clientCount / 2);
        int claimCount = Math.max(2, clientCount / 10);
        for (int c = 0; c < claimCount; c++) {
            claims.add(ClaimId.of("C-" + c));
        }
        List<Principal> principals = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            UserId user = UserId.of("u-" + u);
            users.add(user);
            Set<ClaimId> entitled = new LinkedHashSet<>();
            int count = 1 + random.nextInt(4);
            while (entitled.size() < Math.min(count, claimCount)) {
                entitled.add(claims.get(random.nextInt(claimCount)));
            }
            principals.add(new Principal(user, entitled));
        }
        for (int i = 0; i < clientCount; i++) {
            Principal principal = principals.get(i % userCount);
            List<ClaimId> entitled = claims.stream().filter(principal::isEntitledTo).toList();
            clients.add(new Client(i, principal, entitled));
        }
    }

    List<Client> clients() {
        return clients;
    }

    Client pick() {
        return clients.get(random.nextInt(clients.size()));
    }

    UserId randomUser() {
        return users.get(random.nextInt(users.size()));
    }

    ClaimId randomClaim() {
        return claims.get(random.nextInt(claims.size()));
    }
}
