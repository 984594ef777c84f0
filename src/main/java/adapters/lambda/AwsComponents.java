package adapters.lambda;

import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.HistoryTable;
import adapters.jose4j.TokenSettings;
import adapters.sqs.SqsSettings;
import domain.HistoryPolicy;
import domain.Limits;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds each Lambda function's object graph from its environment variables (see the README's
 * configuration table), failing at start-up with every missing or malformed variable named, and registers what the
 * graph must do around a SnapStart snapshot.
 */
public final class AwsComponents {

    private AwsComponents() {
    }

    public static ConnectHandler.Dependencies connect(Map<String, String> environment) {
        LambdaEnvironment env = new LambdaEnvironment(environment);
        DynamoDbSettings table = env.read(DynamoDbSettings::fromEnvironment);
        TokenSettings tokens = env.read(TokenSettings::fromEnvironment);
        Limits limits = env.limits();
        env.requireNoProblems();
        return registered(DaggerConnectComponent.factory().create(table, tokens, limits));
    }

    public static DisconnectHandler.Dependencies disconnect(Map<String, String> environment) {
        LambdaEnvironment env = new LambdaEnvironment(environment);
        DynamoDbSettings table = env.read(DynamoDbSettings::fromEnvironment);
        env.requireNoProblems();
        return registered(DaggerDisconnectComponent.factory().create(table));
    }

    public static DefaultHandler.Dependencies defaultRoute(Map<String, String> environment) {
        LambdaEnvironment env = new LambdaEnvironment(environment);
        DynamoDbSettings table = env.read(DynamoDbSettings::fromEnvironment);
        ApiGatewaySettings gateway = env.read(ApiGatewaySettings::fromEnvironment);
        HistoryTable history = env.read(HistoryTable::fromEnvironment);
        HistoryPolicy historyPolicy = env.historyPolicy();
        Limits limits = env.limits();
        env.requireNoProblems();
        return registered(DaggerDefaultRouteComponent.factory().create(table, gateway, history, historyPolicy, limits));
    }

    public static NotifierHandler.Dependencies notifier(Map<String, String> environment) {
        LambdaEnvironment env = new LambdaEnvironment(environment);
        DynamoDbSettings table = env.read(DynamoDbSettings::fromEnvironment);
        ApiGatewaySettings gateway = env.read(ApiGatewaySettings::fromEnvironment);
        String deadLetterQueueUrl = env.require("DEAD_LETTER_QUEUE_URL");
        SqsSettings deadLetterQueue = deadLetterQueueUrl == null || deadLetterQueueUrl.isBlank()
                ? null
                : env.read(variables -> SqsSettings.fromEnvironment(withQueue(variables, deadLetterQueueUrl)));
        HistoryTable history = env.read(HistoryTable::fromEnvironment);
        HistoryPolicy historyPolicy = env.historyPolicy();
        Limits limits = env.limits();
        env.requireNoProblems();
        return registered(DaggerNotifierComponent.factory().create(table, gateway, deadLetterQueue, history, historyPolicy,
                limits));
    }

    /** Registers the graph's snapshot hooks before its handler registers its primer, so the primer runs first. */
    private static <T extends SnapshotHooks> T registered(T component) {
        component.snapshotHooks().forEach(Priming::register);
        return component;
    }

    /** The SQS settings reader names its queue OUTBOUND_QUEUE_URL; the Notifier sends only to the dead-letter queue. */
    private static Map<String, String> withQueue(Map<String, String> variables, String queueUrl) {
        Map<String, String> copy = new HashMap<>(variables);
        copy.put("OUTBOUND_QUEUE_URL", queueUrl);
        return copy;
    }
}
