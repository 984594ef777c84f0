package adapters.app;

import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.DynamoDbTables;
import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenSettings;
import adapters.lambda.NotifierHandler;
import adapters.local.gateway.GatewaySettings;
import adapters.local.gateway.LocalGateway;
import adapters.local.gateway.RouteTable;
import adapters.local.queue.EventSourceSettings;
import adapters.local.queue.LocalQueueSettings;
import adapters.local.queue.LocalQueues;
import adapters.local.queue.SqsEventSource;
import adapters.local.template.FunctionDefinition;
import adapters.local.template.LocalTemplate;
import adapters.local.template.SqsEventDefinition;
import adapters.local.template.TemplateOverrides;
import adapters.local.template.TemplateReader;
import adapters.sqs.SqsSettings;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Herald on one machine, driven by the same SAM template and Terraform files that deploy it: the
 * embedded SQS queues Terraform declares, the local WebSocket gateway with the template's routes,
 * the template's handlers, and Lambda's SQS event source feeding the Notifier.
 */
public final class LocalStack implements AutoCloseable {
    private final LocalQueues queues;
    private final LocalGateway gateway;
    private final SqsEventSource eventSource;
    private final LocalStackSettings settings;
    private final LocalTemplate template;
    private final LocalDevEndpoints devEndpoints;

    private final Supplier<LocalComponent> inMemory;

    private LocalStack(LocalStackSettings settings, LocalTemplate template, LocalQueues queues, LocalGateway gateway,
                       SqsEventSource eventSource, LocalDevEndpoints devEndpoints, Supplier<LocalComponent> inMemory) {
        this.devEndpoints = devEndpoints;
        this.inMemory = inMemory;
        this.settings = settings;
        this.template = template;
        this.queues = queues;
        this.gateway = gateway;
        this.eventSource = eventSource;
    }

    public static LocalStack start(LocalStackSettings settings) throws IOException, InterruptedException {
        LocalCredentials.install();
        LocalQueues queues = LocalQueues.start(queueSettings(settings));
        LocalTemplate template;
        try {
            template = TemplateReader.read(settings.template(), overrides(settings, queues));
        } catch (IOException | RuntimeException e) {
            queues.close();
            throw e;
        }
        LocalGateway[] gateway = new LocalGateway[1];
        LocalEnvironments environments = new LocalEnvironments(template, queues, () -> gateway[0].managementEndpoint(), settings);
        settings.dynamoDb().ifPresent(endpoint -> createTable(environments, endpoint));
        Supplier<LocalComponent> inMemory = settings.dynamoDb().isPresent() ? null : memoize(() -> component(environments, queues));
        LocalHandlers handlers = new LocalHandlers(environments::of, inMemory);
        LocalDevEndpoints devEndpoints = null;
        try {
            devEndpoints = LocalDevEndpoints.create(queues, () -> gateway[0].connections());
            gateway[0] = LocalGateway.start(gatewaySettings(settings), RouteTable.from(template), handlers, devEndpoints);
            SqsEventSource eventSource = eventSource(template, queues, handlers);
            return new LocalStack(settings, template, queues, gateway[0], eventSource, devEndpoints, inMemory);
        } catch (RuntimeException | InterruptedException e) {
            if (gateway[0] != null) {
                gateway[0].close();
            }
            if (devEndpoints != null) {
                devEndpoints.close();
            }
            queues.close();
            throw e;
        }
    }

    private static SqsEventSource eventSource(LocalTemplate template, LocalQueues queues, LocalHandlers handlers) {
        SqsEventDefinition event = template.sqsEvent()
                .orElseThrow(() -> new IllegalStateException("the template has no function with an SQS event"));
        NotifierHandler notifier = (NotifierHandler) handlers.handlerOf(template.function(event.functionLogicalId()));
        // As Lambda does, scale up to ScalingConfig.MaximumConcurrency batches at once: with one poller, a
        // steady 1,000 notifications/s queued up behind it (herald bench: p50 over 6 s; README, Performance).
        EventSourceSettings eventSettings = EventSourceSettings.defaults().withBatchSize(event.batchSize())
                .withMaximumConcurrency(event.maximumConcurrency() == null ? 1 : event.maximumConcurrency());
        SqsEventSource source = new SqsEventSource(queues, notifier, eventSettings);
        source.start();
        return source;
    }

    private static LocalComponent component(LocalEnvironments environments, LocalQueues queues) {
        Map<String, String> merged = environments.merged();
        LambdaEnvironment env = new LambdaEnvironment(merged);
        TokenSettings tokens = env.read(TokenSettings::fromEnvironment);
        env.requireNoProblems();
        return DaggerLocalComponent.factory().create(tokens,
                ApiGatewaySettings.of(URI.create(merged.get("WS_API_ENDPOINT")), queues.region()),
                new SqsSettings(queues.deadLetterQueueUrl(), Optional.of(queues.endpoint()), queues.region()),
                env.limits());
    }

    private static void createTable(LocalEnvironments environments, URI endpoint) {
        DynamoDbSettings table = DynamoDbSettings.local(endpoint, environments.tableName());
        try (DynamoDbClient client = DynamoDbModule.dynamoDbClient(table)) {
            DynamoDbTables.createIfMissing(client, table.tableName());
        }
    }

    /**
     * The parameters Terraform's outputs feed on AWS come from the local queues; the JWT secret,
     * a Secrets Manager reference on AWS, is the local development key unless the --env-vars file
     * sets one.
     */
    private static TemplateOverrides overrides(LocalStackSettings settings, LocalQueues queues) throws IOException {
        Map<String, String> parameters = Map.of(
                "OutboundQueueArn", queues.queueArn(),
                "OutboundQueueUrl", queues.queueUrl(),
                "DeadLetterQueueArn", queues.deadLetterQueueArn(),
                "DeadLetterQueueUrl", queues.deadLetterQueueUrl(),
                "JwtIssuer", "",
                "JwtAudience", "");
        TemplateOverrides fromFile = settings.envVars().isPresent()
                ? TemplateOverrides.fromEnvVarsFile(settings.envVars().get(), parameters)
                : new TemplateOverrides(parameters, Map.of(), Map.of(), TemplateOverrides.DEFAULT_API_ID);
        Map<String, String> allFunctions = new HashMap<>(Map.of("JWT_SECRET", LocalDevKeys.HS256_SECRET));
        allFunctions.putAll(fromFile.allFunctions());
        return new TemplateOverrides(fromFile.parameters(), allFunctions, fromFile.perFunction(), fromFile.apiId());
    }

    private static LocalQueueSettings queueSettings(LocalStackSettings settings) {
        LocalQueueSettings queue = LocalQueueSettings.defaults(settings.terraform()).withPort(settings.sqsPort());
        return settings.visibilityTimeout().map(queue::withVisibilityTimeout).orElse(queue);
    }

    private static GatewaySettings gatewaySettings(LocalStackSettings settings) {
        GatewaySettings defaults = GatewaySettings.defaults();
        return new GatewaySettings(settings.host(), settings.gatewayPort(), defaults.stage(), defaults.apiId(),
                settings.idleTimeout(), settings.maxConnectionDuration(), defaults.handlerThreads(), "web");
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            synchronized (value) {
                if (value[0] == null) {
                    value[0] = supplier.get();
                }
                @SuppressWarnings("unchecked") T result = (T) value[0];
                return result;
            }
        };
    }

    public URI webSocketUri() {
        return gateway.webSocketUri();
    }

    public URI managementEndpoint() {
        return gateway.managementEndpoint();
    }

    public URI sqsEndpoint() {
        return queues.endpoint();
    }

    public String queueUrl() {
        return queues.queueUrl();
    }

    public String deadLetterQueueUrl() {
        return queues.deadLetterQueueUrl();
    }

    public int maxReceiveCount() {
        return queues.declaration().maxReceiveCount();
    }

    /** The in-memory connection store the handlers share, for inspection; empty when DynamoDB holds the connections. */
    public Optional<ConnectionRepository> inMemoryConnections() {
        return Optional.ofNullable(inMemory).map(component -> component.get().connectionRepository());
    }

    public String connectionStore() {
        return settings.dynamoDb().map(endpoint -> "DynamoDB at " + endpoint).orElse("in memory");
    }

    /** The warnings the template reader raised, e.g. an unresolved dynamic reference. */
    public java.util.List<String> templateWarnings() {
        return template.warnings();
    }

    /** Stops taking messages first, then closes every socket (running $disconnect), then the queues. */
    @Override
    public void close() {
        eventSource.close();
        gateway.close();
        devEndpoints.close();
        queues.close();
    }

    /** A function's environment on this machine. */
    static final class LocalEnvironments {
        private final LocalTemplate template;
        private final LocalQueues queues;
        private final Supplier<URI> gateway;
        private final LocalStackSettings settings;

        LocalEnvironments(LocalTemplate template, LocalQueues queues, Supplier<URI> gateway, LocalStackSettings settings) {
            this.template = template;
            this.queues = queues;
            this.gateway = gateway;
            this.settings = settings;
        }

        /** The template's environment, pointed at the local services, with the local development key unless one is given. */
        Map<String, String> of(FunctionDefinition function) {
            Map<String, String> environment = new HashMap<>(function.runtimeEnvironment());
            environment.put("WS_API_ENDPOINT", gateway.get().toString());
            environment.put("AWS_ENDPOINT_URL_SQS", queues.endpoint().toString());
            environment.put("DEAD_LETTER_QUEUE_URL", queues.deadLetterQueueUrl());
            environment.put("DYNAMO_TABLE_NAME", tableName());
            settings.dynamoDb().ifPresent(endpoint -> environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString()));
            environment.entrySet().removeIf(variable -> variable.getValue().startsWith("UNRESOLVED"));
            if (!environment.containsKey("PUBLIC_KEY") && !environment.containsKey("JWKS_URL")) {
                environment.putIfAbsent("JWT_SECRET", LocalDevKeys.HS256_SECRET);
            }
            return environment;
        }

        Map<String, String> merged() {
            Map<String, String> merged = new HashMap<>();
            template.functions().values().forEach(function -> merged.putAll(of(function)));
            return merged;
        }

        String tableName() {
            return template.table().map(table -> table.tableName()).orElse(DynamoDbSettings.DEFAULT_TABLE_NAME);
        }
    }
}
