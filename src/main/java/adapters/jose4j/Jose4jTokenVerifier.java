package adapters.jose4j;

import domain.TokenRefusal;
import domain.TokenVerification;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import ports.TokenVerifier;

/**
 * Verifies signed JWTs with jose4j: signature under an allow-listed algorithm, {@code exp}
 * (required), {@code nbf}, and {@code iss}/{@code aud} when configured, then reads {@code sub}
 * and the entitled claims. A singleton, so that a JWKS stays cached between connections.
 */
@Singleton
public final class Jose4jTokenVerifier implements TokenVerifier {
    private final TokenSettings settings;
    private final Clock clock;
    private final VerificationKeyResolver keys;
    private final AlgorithmConstraints algorithms;
    private final PrincipalReader principals;
    private final Resource snapshotHook;
    private static final Resource NO_HOOK = new Resource() {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }
    };

    @Inject
    public Jose4jTokenVerifier(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        VerificationKeyResolver source = VerificationKeys.keysOf(settings.keySource());
        this.snapshotHook = source instanceof Resource hook ? hook : NO_HOOK;
        this.keys = VerificationKeys.resolver(settings.keySource(), source);
        this.algorithms = VerificationKeys.allowList(settings.keySource());
        this.principals = new PrincipalReader(settings.claimsClaim());
    }

    /** What a SnapStart restore must refresh: the cached key when it is read from a store, nothing otherwise. */
    public Resource snapshotHook() {
        return snapshotHook;
    }

    @Override
    public TokenVerification verify(String token) {
        if (token == null || token.isBlank()) {
            return TokenVerification.refused(TokenRefusal.MISSING, TokenRefusal.MISSING.meaning());
        }
        if (token.length() > settings.maxTokenLength()) {
            return TokenVerification.refused(TokenRefusal.MALFORMED,
                    "the token is longer than " + settings.maxTokenLength() + " characters");
        }
        try {
            return principals.read(consumer().processToClaims(token));
        } catch (InvalidJwtException e) {
            return Refusals.of(e);
        }
    }

    /** Built per call because jose4j fixes the evaluation time in the consumer; the key resolver is shared. */
    private JwtConsumer consumer() {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(algorithms)
                .setVerificationKeyResolver(keys)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
        settings.issuer().ifPresent(issuer -> builder.setExpectedIssuer(true, issuer));
        settings.audience().ifPresentOrElse(audience -> builder.setExpectedAudience(true, audience),
                builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }
}
