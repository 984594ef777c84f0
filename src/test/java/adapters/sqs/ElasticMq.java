package adapters.sqs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An embedded ElasticMQ on 127.0.0.1 and a free port, started once per JVM, holding Herald's
 * {@value #QUEUE} queue and its dead-letter queue as Terraform declares them. Tests that receive
 * get a fresh queue of their own from {@link #newQueue}, so they never see each other's messages.
 */
public final class ElasticMq {
    public static final String QUEUE = "outbound-messages";
    public static final String DEAD_LETTER_QUEUE = "outbound-messages-dlq";
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static ElasticMq shared;

    private final URI endpoint;
    private final SqsClient client;
    private final String deadLetterArn;

    private ElasticMq(SQSRestServer server) {
        endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        client = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(DUMMY_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        String deadLetterUrl = client.createQueue(create -> create.queueName(DEAD_LETTER_QUEUE)).queueUrl();
        deadLetterArn = client.getQueueAttributes(get -> get.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        createWithRedrive(QUEUE);
    }

    public static synchronized ElasticMq shared() {
        if (shared == null) {
            shared = new ElasticMq(SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start());
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return client;
    }

    public String queueUrl(String name) {
        return client.getQueueUrl(get -> get.queueName(name)).queueUrl();
    }

    /** A queue for one test, dead-lettering into {@value #DEAD_LETTER_QUEUE} like the outbound queue. */
    public String newQueue(String prefix) {
        return createWithRedrive(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Receives until {@code expected} messages arrived or twenty receives came back short. */
    public List<Message> receive(String queueUrl, int expected) {
        List<Message> received = new ArrayList<>();
        for (int call = 0; call < 20 && received.size() < expected; call++) {
            received.addAll(client.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages());
        }
        return received;
    }

    /** Visible plus in-flight messages; ElasticMQ counts exactly, unlike SQS. */
    public int depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private String createWithRedrive(String name) {
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        return client.createQueue(create -> create.queueName(name)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }
}
