package adapters.emulator.websocket;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like API Gateway's: 11 random bytes in base64, 16 characters ending in {@code =}
 * (URL-safe alphabet, so an id can sit in an @connections path unescaped).
 */
final class Ids {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder();

    private Ids() {
    }

    static String next() {
        byte[] bytes = new byte[11];
        ThreadLocalRandom.current().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
