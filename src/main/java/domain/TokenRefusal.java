package domain;

/** Why a token was refused at $connect; each maps to a 401 with the reason. */
public enum TokenRefusal {
    MISSING("no token was presented"),
    MALFORMED("the token is not a well-formed JWT"),
    BAD_SIGNATURE("the token's signature or algorithm is not accepted"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    WRONG_ISSUER("the token was issued by someone else"),
    WRONG_AUDIENCE("the token is meant for another audience");

    private final String meaning;

    TokenRefusal(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
