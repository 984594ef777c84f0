package adapters.localstack;

import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /dev/token}: {@code {"sub":"u1","claims":["C-1"],"ttlSeconds":3600}} becomes {@code {"token":"..."}}. */
final class DevTokens {
    static final long MAX_TTL_SECONDS = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenMinter minter;

    DevTokens(TokenMinter minter) {
        this.minter = minter;
    }

    /** Mints a token for the request; throws IllegalArgumentException naming the field that is wrong. */
    JsonNode mint(JsonNode request) {
        String subject = DevFields.requiredText(request, "sub");
        String token = minter.mint(TokenRequest.forSubject(subject).withClaims(claims(request))
                .withTtl(Duration.ofSeconds(ttlSeconds(request))));
        return JSON.createObjectNode().put("token", token);
    }

    private static long ttlSeconds(JsonNode request) {
        JsonNode ttl = request.get("ttlSeconds");
        if (ttl == null || ttl.isNull()) {
            return TokenRequest.DEFAULT_TTL.toSeconds();
        }
        if (!ttl.isIntegralNumber() || ttl.asLong() < 1 || ttl.asLong() > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("'ttlSeconds' must be a whole number from 1 to " + MAX_TTL_SECONDS);
        }
        return ttl.asLong();
    }

    private static List<String> claims(JsonNode request) {
        JsonNode claims = request.path("claims");
        if (claims.isMissingNode() || claims.isNull()) {
            return List.of();
        }
        if (!claims.isArray()) {
            throw new IllegalArgumentException("'claims' must be an array of claim ids, e.g. [\"C-1\"]");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode claim : claims) {
            if (!claim.isTextual() || claim.asText().isBlank()) {
                throw new IllegalArgumentException("every entry of 'claims' must be a non-empty string");
            }
            ids.add(claim.asText());
        }
        return ids;
    }
}
