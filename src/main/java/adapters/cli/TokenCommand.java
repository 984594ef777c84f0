package adapters.cli;

import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenMinter;
import adapters.jose4j.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `herald token`: mints a JWT that the local stack's $connect accepts (or deliberately refuses). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Mints a JWT signed with the local development key (HS256), for the local stack's $connect.",
                "Use --expired, --not-yet-valid or --wrong-key for a token that must be refused.",
                "The key is public: never use it for a deployed stack."})
final class TokenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sub", required = true, description = "The user id (the token's subject).")
    private String subject;

    @Option(names = "--claims", split = ",", paramLabel = "ID", description = "Claim ids the token entitles the user to, comma-separated.")
    private List<String> claims = List.of();

    @Option(names = "--ttl", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the token is valid: 90s, 15m, 1h, 2d (default: ${DEFAULT-VALUE}).")
    private Duration ttl;

    @Option(names = "--expired", description = "Mint a token whose validity ended one TTL ago.")
    private boolean expired;

    @Option(names = "--not-yet-valid", description = "Mint a token valid only from one TTL from now.")
    private boolean notYetValid;

    @Option(names = "--wrong-key", description = "Sign with a key the local stack does not know.")
    private boolean wrongKey;

    @Override
    public Integer call() {
        TokenRequest request = TokenRequest.forSubject(subject).withClaims(claims).withTtl(ttl);
        if (expired) {
            request = request.expired();
        }
        if (notYetValid) {
            request = request.notYetValid();
        }
        if (wrongKey) {
            request = request.signedWithWrongKey();
        }
        TokenMinter minter = LocalDevKeys.minter(Clock.systemUTC());
        spec.commandLine().getOut().println(minter.mint(request));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
