package adapters.jose4j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * What a minted token says. Its validity window is {@code ttl} long and starts now; an expired
 * token's window ended {@code ttl} ago, a not-yet-valid one's starts {@code ttl} from now.
 */
public record TokenRequest(String subject, List<String> claims, String claimsClaim, Duration ttl,
        Optional<String> issuer, Optional<String> audience, Validity validity, boolean wrongKey) {

    /** Where the validity window sits relative to now. */
    public enum Validity { CURRENT, EXPIRED, NOT_YET_VALID }

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    public TokenRequest {
        claims = List.copyOf(claims);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the ttl must be positive");
        }
    }

    /** A current token for the subject, one hour long, with no claims, issuer or audience. */
    public static TokenRequest forSubject(String subject) {
        return new TokenRequest(subject, List.of(), TokenSettings.DEFAULT_CLAIMS_CLAIM, DEFAULT_TTL,
                Optional.empty(), Optional.empty(), Validity.CURRENT, false);
    }

    public TokenRequest withClaims(List<String> entitled) {
        return new TokenRequest(subject, entitled, claimsClaim, ttl, issuer, audience, validity, wrongKey);
    }

    public TokenRequest withClaimsClaim(String name) {
        return new TokenRequest(subject, claims, name, ttl, issuer, audience, validity, wrongKey);
    }

    public TokenRequest withTtl(Duration length) {
        return new TokenRequest(subject, claims, claimsClaim, length, issuer, audience, validity, wrongKey);
    }

    public TokenRequest withIssuer(String iss) {
        return new TokenRequest(subject, claims, claimsClaim, ttl, Optional.of(iss), audience, validity, wrongKey);
    }

    public TokenRequest withAudience(String aud) {
        return new TokenRequest(subject, claims, claimsClaim, ttl, issuer, Optional.of(aud), validity, wrongKey);
    }

    public TokenRequest expired() {
        return new TokenRequest(subject, claims, claimsClaim, ttl, issuer, audience, Validity.EXPIRED, wrongKey);
    }

    public TokenRequest notYetValid() {
        return new TokenRequest(subject, claims, claimsClaim, ttl, issuer, audience, Validity.NOT_YET_VALID, wrongKey);
    }

    /** Signed with a freshly made key of the same kind (and kid) that no verifier knows. */
    public TokenRequest signedWithWrongKey() {
        return new TokenRequest(subject, claims, claimsClaim, ttl, issuer, audience, validity, true);
    }

    /** The JWT claims this request stands for, minted at {@code now}. */
    JwtClaims claimsAt(Instant now) {
        Instant start = switch (validity) {
            case CURRENT -> now;
            case EXPIRED -> now.minus(ttl.multipliedBy(2));
            case NOT_YET_VALID -> now.plus(ttl);
        };
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setStringListClaim(claimsClaim, claims());
        claims.setIssuedAt(numeric(start.isBefore(now) ? start : now));
        claims.setNotBefore(numeric(start));
        claims.setExpirationTime(numeric(start.plus(ttl)));
        issuer.ifPresent(claims::setIssuer);
        audience.ifPresent(claims::setAudience);
        return claims;
    }

    private static NumericDate numeric(Instant instant) {
        return NumericDate.fromMilliseconds(instant.toEpochMilli());
    }
}
