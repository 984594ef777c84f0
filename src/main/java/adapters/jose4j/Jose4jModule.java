package adapters.jose4j;

import dagger.Binds;
import dagger.Module;
import ports.TokenVerifier;

/**
 * Binds {@link TokenVerifier} to JWT verification with jose4j. Needs a {@link TokenSettings}
 * (see {@link TokenSettings#fromEnvironment}) and a {@link java.time.Clock} from the component,
 * which must be {@code @Singleton}-scoped: the verifier holds the JWKS cache.
 */
@Module
public interface Jose4jModule {

    @Binds
    TokenVerifier tokenVerifier(Jose4jTokenVerifier verifier);
}
