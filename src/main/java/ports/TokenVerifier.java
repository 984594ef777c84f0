package ports;

import domain.TokenVerification;

/** Checks the bearer tokens that browsers present at $connect. */
public interface TokenVerifier {

    /** Returns the token's principal, or the reason it is refused; never throws for a bad token. */
    TokenVerification verify(String token);
}
