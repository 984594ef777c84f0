package domain;

/** Whom a notification is for: every connection of one user, or every connection subscribed to one claim. */
public sealed interface Target {

    static Target user(UserId user) {
        return new User(user);
    }

    static Target claim(ClaimId claim) {
        return new Claim(claim);
    }

    record User(UserId id) implements Target {
        @Override
        public String toString() {
            return "user " + id;
        }
    }

    record Claim(ClaimId id) implements Target {
        @Override
        public String toString() {
            return "claim " + id;
        }
    }
}
