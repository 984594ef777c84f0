package adapters.jose4j;

import domain.ClaimId;
import domain.Principal;
import domain.TokenRefusal;
import domain.TokenVerification;
import domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/** Reads the principal out of claims whose signature and times jose4j has already checked. */
final class PrincipalReader {
    private final String claimsClaim;

    PrincipalReader(String claimsClaim) {
        this.claimsClaim = claimsClaim;
    }

    TokenVerification read(JwtClaims claims) {
        try {
            Principal principal = new Principal(UserId.of(claims.getSubject()), entitledClaims(claims));
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            return new TokenVerification.Verified(principal, expiresAt);
        } catch (MalformedClaimException e) {
            return malformed("sub or exp has the wrong type");
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
    }

    /** A token without the claim grants no claims; one with anything but an array of strings is refused. */
    private Set<ClaimId> entitledClaims(JwtClaims claims) throws MalformedClaimException {
        if (!claims.hasClaim(claimsClaim)) {
            return Set.of();
        }
        if (!claims.isClaimValueStringList(claimsClaim)) {
            throw new IllegalArgumentException("claim '" + claimsClaim + "' must be a JSON array of strings");
        }
        List<String> values = claims.getStringListClaimValue(claimsClaim);
        return values.stream().map(ClaimId::of).collect(Collectors.toUnmodifiableSet());
    }

    private static TokenVerification malformed(String detail) {
        return TokenVerification.refused(TokenRefusal.MALFORMED, detail);
    }
}
