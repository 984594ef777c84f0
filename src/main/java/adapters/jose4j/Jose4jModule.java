package adapters.jose4j;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import org.crac.Resource;
import ports.TokenVerifier;

/**
 * Binds {@link TokenVerifier} to JWT verification with jose4j. Needs a {@link TokenSettings}
 * (see {@link TokenSettings#fromEnvironment}) and a {@link java.time.Clock} from the component,
 * which must be {@code @Singleton}-scoped: the verifier holds the JWKS cache, or the key read from Secrets Manager or
 * SSM. Contributes a snapshot hook that drops that stored key after a SnapStart restore.
 */
@Module
public interface Jose4jModule {

    @Binds
    TokenVerifier tokenVerifier(Jose4jTokenVerifier verifier);

    @Provides
    @IntoSet
    static Resource rereadStoredKeyAfterRestore(Jose4jTokenVerifier verifier) {
        return verifier.snapshotHook();
    }
}
