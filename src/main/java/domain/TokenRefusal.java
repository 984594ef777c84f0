package domain;

/**
 * Why a token was refused at $connect; each maps to a 401 with the reason, except {@link #KEYS_UNAVAILABLE}: the
 * token may be good, the verifier could not tell, so that one is a 503 the client can retry.
 */
public enum TokenRefusal {
    MISSING("no token was presented"),
    MALFORMED("the token is not a well-formed JWT"),
    BAD_SIGNATURE("the token's signature or algorithm is not accepted"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    WRONG_ISSUER("the token was issued by someone else"),
    WRONG_AUDIENCE("the token is meant for another audience"),
    KEYS_UNAVAILABLE("the key that verifies tokens could not be read; try again");

    /** True when the token itself is at fault, so presenting it again cannot succeed. */
    public boolean isFinal() {
        return this != KEYS_UNAVAILABLE;
    }

    private final String meaning;

    TokenRefusal(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
