package domain;

/** A user of the claims application, as named by the `sub` of their token. */
public record UserId(String value) {
    public UserId {
        Ids.requireText(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
