package adapters.jose4j;

import domain.TokenRefusal;
import domain.TokenVerification;
import java.io.IOException;
import java.util.List;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps jose4j's error codes to the domain's refusals. Details are our own words: jose4j's
 * messages quote headers and claims, which have no place in a 401 or a log line.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private record Rule(int errorCode, TokenRefusal reason, String detail) {
    }

    /** Checked in order: jose4j reports every failed claim check at once, the first match wins. */
    private static final List<Rule> RULES = List.of(
            new Rule(ErrorCodes.SIGNATURE_MISSING, TokenRefusal.BAD_SIGNATURE, "the token is not signed"),
            new Rule(ErrorCodes.SIGNATURE_INVALID, TokenRefusal.BAD_SIGNATURE, "the signature does not match the token"),
            new Rule(ErrorCodes.JSON_INVALID, TokenRefusal.MALFORMED, "the payload is not a JSON object"),
            new Rule(ErrorCodes.MALFORMED_CLAIM, TokenRefusal.MALFORMED, "a registered claim has the wrong type"),
            new Rule(ErrorCodes.SUBJECT_MISSING, TokenRefusal.MALFORMED, "missing sub"),
            new Rule(ErrorCodes.EXPIRATION_MISSING, TokenRefusal.MALFORMED, "missing exp"),
            new Rule(ErrorCodes.EXPIRED, TokenRefusal.EXPIRED, "exp is in the past"),
            new Rule(ErrorCodes.NOT_YET_VALID, TokenRefusal.NOT_YET_VALID, "nbf is in the future"),
            new Rule(ErrorCodes.ISSUER_MISSING, TokenRefusal.WRONG_ISSUER, "missing iss"),
            new Rule(ErrorCodes.ISSUER_INVALID, TokenRefusal.WRONG_ISSUER, "iss is not the expected issuer"),
            new Rule(ErrorCodes.AUDIENCE_MISSING, TokenRefusal.WRONG_AUDIENCE, "missing aud"),
            new Rule(ErrorCodes.AUDIENCE_INVALID, TokenRefusal.WRONG_AUDIENCE, "aud does not name this service"));

    private Refusals() {
    }

    static TokenVerification.Refused of(InvalidJwtException failure) {
        for (Rule rule : RULES) {
            if (failure.hasErrorCode(rule.errorCode())) {
                return new TokenVerification.Refused(rule.reason(), rule.detail());
            }
        }
        return withoutErrorCode(failure);
    }

    /** Failures before any claim is read (algorithm, key, encoding) carry no error code, only a cause. */
    private static TokenVerification.Refused withoutErrorCode(Throwable failure) {
        if (causedBy(failure, InvalidAlgorithmException.class) != null) {
            return new TokenVerification.Refused(TokenRefusal.BAD_SIGNATURE, "the token's algorithm is not allowed");
        }
        Throwable unresolvable = causedBy(failure, UnresolvableKeyException.class);
        if (unresolvable != null && unresolvable.getCause() instanceof IOException unreachable) {
            LOG.warn("the verification key could not be read: {}", unreachable.getMessage());
            return new TokenVerification.Refused(TokenRefusal.KEYS_UNAVAILABLE, TokenRefusal.KEYS_UNAVAILABLE.meaning());
        }
        if (unresolvable != null) {
            return new TokenVerification.Refused(TokenRefusal.BAD_SIGNATURE, "no known key matches the token's kid");
        }
        return new TokenVerification.Refused(TokenRefusal.MALFORMED, TokenRefusal.MALFORMED.meaning());
    }

    private static Throwable causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
