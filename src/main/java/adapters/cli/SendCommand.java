package adapters.cli;

import adapters.json.NotificationRequest;
import adapters.sqs.SqsNotificationPublisher;
import adapters.sqs.SqsSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** `herald send`: puts a notification (or any raw body, malformed ones included) on the local outbound queue. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Puts a message on the local stack's outbound queue, as a producer Lambda would:",
                "a notification built by the producer library (--user or --claim), or a raw body from a file",
                "(--file), malformed ones included, to see them reach the dead-letter queue."})
final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--user", paramLabel = "ID", description = "Send to every connection of this user.")
        String user;

        @Option(names = "--claim", paramLabel = "ID", description = "Send to every connection subscribed to this claim.")
        String claim;

        @Option(names = "--file", paramLabel = "FILE", description = "Send this file's content as the message body, unchecked.")
        Path file;
    }

    @Option(names = "--type", defaultValue = "herald.test", description = "The event type (default: ${DEFAULT-VALUE}).")
    private String type;

    @Option(names = "--source", defaultValue = "herald-cli", description = "The event source (default: ${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--data", defaultValue = "{}", description = "The event's data, as JSON (default: ${DEFAULT-VALUE}).")
    private String data;

    @Option(names = "--endpoint", defaultValue = "http://localhost:9324", description = "The SQS endpoint (default: ${DEFAULT-VALUE}).")
    private URI endpoint;

    @Option(names = "--queue", defaultValue = "outbound-messages", description = "The queue name (default: ${DEFAULT-VALUE}).")
    private String queue;

    @Override
    public Integer call() throws IOException {
        try (SqsClient sqs = localClient()) {
            String queueUrl = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
            String messageId = target.file != null
                    ? sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(readBody())).messageId()
                    : publisher(sqs, queueUrl).publish(request());
            spec.commandLine().getOut().println("sent " + messageId + " to " + queueUrl);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private String readBody() {
        try {
            return Files.readString(target.file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + target.file + ": " + e.getMessage(), e);
        }
    }

    private NotificationRequest request() {
        NotificationRequest.JsonText payload = new NotificationRequest.JsonText(data);
        return target.user != null
                ? NotificationRequest.toUser(target.user, type, source, payload)
                : NotificationRequest.toClaim(target.claim, type, source, payload);
    }

    private SqsNotificationPublisher publisher(SqsClient sqs, String queueUrl) {
        SqsSettings settings = new SqsSettings(queueUrl, Optional.of(endpoint), Region.US_EAST_1);
        return SqsNotificationPublisher.create(sqs, settings);
    }

    /** The local queue checks no signature; any credentials do. */
    private SqsClient localClient() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }
}
