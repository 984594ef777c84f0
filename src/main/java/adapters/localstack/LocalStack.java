package adapters.localstack;

import adapters.lambda.LambdaEnvironment;
import adapters.apigateway.ApiGatewaySettings;
import adapters.dynamodb.DynamoDbModule;
import adapters.dynamodb.DynamoDbSettings;
import adapters.dynamodb.DynamoDbTables;
import adapters.dynamodb.HistoryTable;
import adapters.jose4j.LocalDevKeys;
import adapters.jose4j.TokenSettings;
import adapters.emulator.websocket.EmulatorSettings;
import adapters.emulator.websocket.ApiGatewayEmulator;
import adapters.emulator.websocket.RouteTable;
import adapters.emulator.queue.EventSourceSettings;
import adapters.emulator.queue.LocalQueueSettings;
import adapters.emulator.queue.LocalQueues;
import adapters.emulator.queue.SqsEventSource;
import adapters.emulator.definitions.FunctionDefinition;
import adapters.emulator.definitions.LocalTemplate;
import adapters.emulator.definitions.SqsEventDefinition;
import adapters.emulator.definitions.TemplateOverrides;
import adapters.emulator.definitions.TemplateReader;
import adapters.sqs.SqsSettings;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import domain.HistoryPolicy;
import domain.Limits;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ports.ConnectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Herald on one machine, driven by the same SAM template and Terraform files that deploy it: the
 * embedded SQS queues Terraform declares, the local WebSocket gateway with the template's routes,
 * the template's handlers, and Lambda's SQS event source feeding the Notifier.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** The {@code aws_sqs_queue} in deploy/terraform that producers send to and the Notifier reads. */
    static final String OUTBOUND_QUEUE = "outbound";
    /** The classpath directory of the test page and the browser client, served under {@code /}. */
    static final String TEST_PAGE = "web";
    private final LocalQueues queues;
    private final ApiGatewayEmulator gateway;
    private final SqsEventSource eventSource;
    private final LocalStackSettings settings;
    private final LocalTemplate template;
    private final DevEndpoints devEndpoints;

    private final Supplier<LocalComponent> inMemory;

    private LocalStack(LocalStackSettings settings, LocalTemplate template, LocalQueues queues, ApiGatewayEmulator gateway,
                       SqsEventSource eventSource, DevEndpoints devEndpoints, Supplier<LocalComponent> inMemory) {
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
        ApiGatewayEmulator[] gateway = new ApiGatewayEmulator[1];
        LocalEnvironments environments = new LocalEnvironments(template, queues, () -> gateway[0].managementEndpoint(), settings);
        Supplier<LocalComponent> inMemory = settings.dynamoDb().isPresent() ? null : memoize(() -> component(environments, queues));
        LocalFunctions handlers = new LocalFunctions(environments::of, inMemory);
        DevEndpoints devEndpoints = null;
        try {
            settings.dynamoDb().ifPresent(endpoint -> createTables(environments, endpoint));
            devEndpoints = DevEndpoints.create(queues, () -> gateway[0].connections());
            gateway[0] = ApiGatewayEmulator.start(gatewaySettings(settings), RouteTable.from(template), handlers, devEndpoints);
            prepareInBackground(handlers, template);
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

    /**
     * Builds the handlers while the stack starts taking traffic, as Lambda's init phase runs ahead of a request: the
     * first connects wait only for what is left of it (they held every other one while the first built the whole graph),
     * and the stack is ready as soon as its sockets are. A handler that cannot be built fails its first invocation
     * as before, which logs the reason; here it is only a debug line, since a build cut short by the JVM's shutdown
     * (the SDK's native client cannot register its shutdown hook then) is no news.
     */
    private static void prepareInBackground(LocalFunctions handlers, LocalTemplate template) {
        Thread preparing = new Thread(() -> {
            try {
                handlers.prepare(template.functions().values());
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("a handler could not be built ahead of its first invocation", e);
            }
        }, "herald-local-handlers");
        preparing.setDaemon(true);
        preparing.start();
    }

    private static SqsEventSource eventSource(LocalTemplate template, LocalQueues queues, LocalFunctions handlers) {
        SqsEventDefinition event = template.sqsEvent()
                .orElseThrow(() -> new IllegalStateException("the template has no function with an SQS event"));
        Function<SQSEvent, SQSBatchResponse> notifier = handlers.batchFunction(template.function(event.functionLogicalId()));
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
        HistoryPolicy history = env.historyPolicy();
        Limits limits = env.limits();
        env.requireNoProblems();
        return DaggerLocalComponent.factory().create(tokens,
                ApiGatewaySettings.of(URI.create(merged.get("WS_API_ENDPOINT")), queues.region()),
                new SqsSettings(queues.deadLetterQueueUrl(), Optional.of(queues.endpoint()), queues.region()),
                history, limits);
    }

    /** The connections and history tables under the names the template gives the functions. */
    private static void createTables(LocalEnvironments environments, URI endpoint) {
        DynamoDbSettings table = DynamoDbSettings.local(endpoint, environments.tableName());
        try (DynamoDbClient client = DynamoDbModule.dynamoDbClient(table, DynamoDbModule.keptAliveConnections())) {
            DynamoDbTables.createIfMissing(client, table.tableName());
            DynamoDbTables.createHistoryIfMissing(client, environments.historyTableName());
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
        LocalQueueSettings queue = LocalQueueSettings.defaults(settings.terraform(), OUTBOUND_QUEUE).withPort(settings.sqsPort());
        return settings.visibilityTimeout().map(queue::withVisibilityTimeout).orElse(queue);
    }

    private static EmulatorSettings gatewaySettings(LocalStackSettings settings) {
        EmulatorSettings defaults = EmulatorSettings.defaults();
        return new EmulatorSettings(settings.host(), settings.gatewayPort(), defaults.stage(), defaults.apiId(),
                settings.idleTimeout(), settings.maxConnectionDuration(), defaults.handlerThreads(),
                defaults.eventLoopThreads(), TEST_PAGE,
                settings.handshakeTimeout(), settings.devEndpointsFromAnyAddress());
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
            // On AWS $connect reads its key from Secrets Manager or SSM by name; locally the key itself is given.
            environment.remove("JWT_SECRET_ID");
            environment.remove("PUBLIC_KEY_PARAMETER");
            return environment;
        }

        Map<String, String> merged() {
            Map<String, String> merged = new HashMap<>();
            template.functions().values().forEach(function -> merged.putAll(of(function)));
            return merged;
        }

        String tableName() {
            return named("DYNAMO_TABLE_NAME", DynamoDbSettings.DEFAULT_TABLE_NAME);
        }

        String historyTableName() {
            return named("HISTORY_TABLE_NAME", HistoryTable.DEFAULT_TABLE_NAME);
        }

        /**
         * The table the functions' resolved environments name in the variable, which must be one the template
         * declares; the code's default when no function names one. As on AWS, the functions share each table.
         */
        private String named(String variable, String fallback) {
            Set<String> names = template.functions().values().stream()
                    .map(function -> function.environment().get(variable)).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (names.size() > 1) {
                throw new IllegalStateException("the functions name different tables in " + variable + ": " + names);
            }
            if (names.isEmpty()) {
                return fallback;
            }
            String name = names.iterator().next();
            if (template.table(name).isEmpty()) {
                throw new IllegalStateException(variable + " names " + name + ", which is not a table of the template");
            }
            return name;
        }
    }
}
