package adapters.cli;

import adapters.localstack.Exposure;
import adapters.localstack.LocalStack;
import adapters.localstack.LocalStackSettings;
import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenRequest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `herald local`: the whole system on this machine, no AWS account needed. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Runs Herald on this machine from the same SAM template and Terraform files that deploy it:",
                "a WebSocket gateway that behaves like API Gateway (with the @connections API), an embedded SQS",
                "with the queues Terraform declares, Lambda's SQS event source, and the four handlers.",
                "Ctrl-C closes every socket and stops."})
final class LocalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "3001", description = "The gateway's port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "localhost", description = {"The address to listen on (default: ${DEFAULT-VALUE}).",
            "Any other than loopback lets other machines reach the WebSocket API, @connections and the test page; a warning says so."})
    private String host;

    @Option(names = "--dev-endpoints-from-any-address",
            description = "Let the /dev/ endpoints (which mint tokens the stack accepts) answer other machines too; by default they answer only this one.")
    private boolean devEndpointsFromAnyAddress;

    @Option(names = "--sqs-port", defaultValue = "9324", description = "The embedded SQS's port (default: ${DEFAULT-VALUE}).")
    private int sqsPort;

    @Option(names = "--template", defaultValue = "deploy/sam/template.yaml", description = "The SAM template (default: ${DEFAULT-VALUE}).")
    private Path template;

    @Option(names = "--terraform", defaultValue = "deploy/terraform", description = "The Terraform directory that declares the queues (default: ${DEFAULT-VALUE}).")
    private Path terraform;

    @Option(names = "--env-vars", paramLabel = "FILE", description = "A JSON file of environment overrides, as for 'sam local'.")
    private Path envVars;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "Keep connections in this DynamoDB-compatible endpoint (e.g. dynalite) instead of in memory; the table is created from the template if missing.")
    private URI dynamoDb;

    @Option(names = "--idle-timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Close a connection silent this long, as API Gateway does (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(names = "--max-connection-duration", defaultValue = "2h", converter = DurationConverter.class,
            description = "Close a connection open this long, as API Gateway does (default: ${DEFAULT-VALUE}).")
    private Duration maxDuration;

    @Option(names = "--handshake-timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "Close a socket that has not sent a whole request (an upgrade, or any HTTP request) within this long (default: ${DEFAULT-VALUE}).")
    private Duration handshakeTimeout;

    @Override
    public Integer call() throws Exception {
        for (Path required : List.of(template, terraform)) {
            if (!Files.exists(required)) {
                throw new IllegalArgumentException(required + " does not exist: run herald local from the repository's root,"
                        + " or pass --template and --terraform");
            }
        }
        LocalStackSettings settings = new LocalStackSettings(template, terraform, host, port, sqsPort,
                Optional.ofNullable(envVars), Optional.ofNullable(dynamoDb), idleTimeout, maxDuration, Optional.empty(),
                handshakeTimeout, devEndpointsFromAnyAddress);
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "herald-local-shutdown"));
        Exposure.warning(settings).ifPresent(warning -> {
            spec.commandLine().getErr().println(warning);
            spec.commandLine().getErr().flush();
        });
        printWelcome(stack);
        stopped.await();
        return 0;
    }

    private void printWelcome(LocalStack stack) {
        PrintWriter out = spec.commandLine().getOut();
        String token = LocalDevKeys.minter(Clock.systemUTC())
                .mint(TokenRequest.forSubject("u-demo").withClaims(List.of("C-1", "C-2")).withTtl(Duration.ofHours(1)));
        out.println();
        out.println("Herald is running on this machine.");
        out.println("  WebSocket API    " + stack.webSocketUri());
        out.println("  @connections     " + stack.managementEndpoint() + "/@connections/{connectionId}");
        out.println("  SQS              " + stack.sqsEndpoint() + "  queue " + stack.queueUrl());
        out.println("  dead letters     " + stack.deadLetterQueueUrl() + " (after " + stack.maxReceiveCount() + " receives)");
        out.println("  connections      " + stack.connectionStore());
        out.println("  test page        http://" + stack.webSocketUri().getHost() + ":" + stack.webSocketUri().getPort()
                + "/  (development endpoints under /dev/)");
        out.println();
        out.println("A token for user u-demo, entitled to claims C-1 and C-2, valid for an hour:");
        out.println("  " + token);
        out.println();
        out.println("Connect with wscat (scripts/wscat.sh mints a token and does the same):");
        out.println("  npx wscat -c " + stack.webSocketUri() + " -s herald -s " + token);
        out.println("then type:");
        out.println("  {\"action\":\"subscribe\",\"claimId\":\"C-1\"}");
        out.println("and from another terminal send it a notification:");
        out.println("  java -jar target/herald.jar send --claim C-1 --type export.completed --data '{\"exportId\":\"e-1\"}'");
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }
}
