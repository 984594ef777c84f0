package adapters.emulator.queue;

import adapters.emulator.definitions.QueueDeclaration;
import adapters.emulator.definitions.TerraformQueueReader;
import adapters.emulator.queue.QueueCreation.CreatedQueues;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An embedded SQS (ElasticMQ) holding the outbound queue and its dead-letter queue as {@code deploy/terraform}
 * declares them: names, redrive policy, visibility timeout and retention. Its ARNs use region us-east-1 and
 * account 000000000000, so events look like the ones Lambda delivers. Close it to stop the server.
 */
public final class LocalQueues implements AutoCloseable {
    static final Region REGION = Region.US_EAST_1;
    static final String ACCOUNT_ID = "000000000000";
    private static final Logger LOG = LoggerFactory.getLogger(LocalQueues.class);
    // Whoever runs the queues closes them (herald local from its own shutdown hook), so Pekko needs no JVM hook; the
    // one it tried to add while the JVM was already shutting down printed "Could not addJvmShutdownHook".
    private static final Config NO_JVM_HOOKS = ConfigFactory.parseString(
            "pekko.jvm-shutdown-hooks = off\npekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off");

    private final ActorSystem actors;
    private final SQSRestServer server;
    private final URI endpoint;
    private final QueueDeclaration declaration;
    private final CreatedQueues queues;

    private LocalQueues(ActorSystem actors, SQSRestServer server, URI endpoint, QueueDeclaration declaration,
            CreatedQueues queues) {
        this.actors = actors;
        this.server = server;
        this.endpoint = endpoint;
        this.declaration = declaration;
        this.queues = queues;
    }

    /** Reads the Terraform, starts the server and creates the queues; throws if any of that fails. */
    public static LocalQueues start(LocalQueueSettings settings) {
        QueueDeclaration declared = TerraformQueueReader.read(settings.terraformDirectory(), settings.queueLabel(), settings.terraformVariables());
        QueueDeclaration effective = settings.visibilityTimeoutOverride().map(declared::withVisibilityTimeout).orElse(declared);
        ActorSystem actors = ActorSystem.create("elasticmq",
                NO_JVM_HOOKS.withFallback(ConfigFactory.load(LocalQueues.class.getClassLoader())));
        SQSRestServer server;
        try {
            server = builder(settings).withActorSystem(actors).start();
        } catch (RuntimeException e) {
            terminate(actors);
            throw e;
        }
        URI endpoint = URI.create("http://" + settings.host() + ":" + server.waitUntilStarted().localAddress().getPort());
        try (SqsClient client = LocalSqsClients.forEndpoint(endpoint, REGION, Duration.ZERO)) {
            LocalQueues started = new LocalQueues(actors, server, endpoint, effective,
                    QueueCreation.create(client, effective));
            LOG.info("local SQS on {}: {} (dead letters after {} receives to {})", endpoint, effective.queueName(),
                    effective.maxReceiveCount(), effective.deadLetterQueueName());
            return started;
        } catch (RuntimeException e) {
            server.stopAndWait();
            terminate(actors);
            throw e;
        }
    }

    private static TheSQSRestServerBuilder builder(LocalQueueSettings settings) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface(settings.host())
                .withAWSRegion(REGION.id()).withAWSAccountId(ACCOUNT_ID);
        return settings.port() == 0 ? builder.withDynamicPort() : builder.withPort(settings.port());
    }

    /** What producers and the AWS CLI use as {@code AWS_ENDPOINT_URL_SQS}. */
    public URI endpoint() {
        return endpoint;
    }

    public String queueUrl() {
        return queues.queueUrl();
    }

    public String queueArn() {
        return queues.queueArn();
    }

    public String deadLetterQueueUrl() {
        return queues.deadLetterQueueUrl();
    }

    public String deadLetterQueueArn() {
        return queues.deadLetterQueueArn();
    }

    /** The queues as created, including a visibility timeout override. */
    public QueueDeclaration declaration() {
        return declaration;
    }

    public Region region() {
        return REGION;
    }

    @Override
    public void close() {
        server.stopAndWait();
        terminate(actors);
    }

    /** ElasticMQ leaves an actor system it was given running: the queues' owner stops it. */
    private static void terminate(ActorSystem actors) {
        actors.terminate();
        try {
            actors.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the local SQS's actor system did not stop within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
