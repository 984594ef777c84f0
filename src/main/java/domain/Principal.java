package domain;

import java.util.Set;

/** Who holds a connection: the token's subject and the claims the token entitles them to. */
public record Principal(UserId userId, Set<ClaimId> entitledClaims) {
    public Principal {
        if (userId == null) {
            throw new IllegalArgumentException("a principal needs a user id");
        }
        entitledClaims = Set.copyOf(entitledClaims);
    }

    /** A connection always hears its own user; it hears a claim only when the token grants it. */
    public boolean isEntitledTo(Target target) {
        if (target instanceof Target.User user) {
            return user.id().equals(userId);
        }
        return entitledClaims.contains(((Target.Claim) target).id());
    }

    public boolean isEntitledTo(ClaimId claim) {
        return entitledClaims.contains(claim);
    }
}
