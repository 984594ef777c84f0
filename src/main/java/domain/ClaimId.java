package domain;

/** A claim of the claims application; users subscribe to the claims their token entitles them to. */
public record ClaimId(String value) {
    public ClaimId {
        Ids.requireText(value, "claim id");
    }

    public static ClaimId of(String value) {
        return new ClaimId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
