package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectResult;
import domain.ConnectService;
import domain.ConnectionId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** $connect: verifies the browser's token and records the connection, or refuses the upgrade with a reason. */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);

    /** What this handler needs from the composition root. */
    public interface Dependencies {
        ConnectService connectService();

        /** Warms what a refused token does not reach (the store's client); nothing by default. */
        default Runnable storePrimer() {
            return () -> { };
        }

        /** Counts accepted and refused upgrades; nothing by default. */
        default ConnectMetrics connectMetrics() {
            return ConnectMetrics.NONE;
        }
    }

    private final ConnectService connectService;
    private final ConnectMetrics metrics;

    /** Lambda's entry: builds the graph once per execution environment from the function's environment. */
    public ConnectHandler() {
        this(System.getenv());
    }

    public ConnectHandler(Map<String, String> environment) {
        this(AwsComponents.connect(environment));
    }

    public ConnectHandler(Dependencies dependencies) {
        this.connectService = dependencies.connectService();
        this.metrics = dependencies.connectMetrics();
        Priming.register("ConnectHandler", () -> {
            handleRequest(PrimingEvents.webSocket("$connect", null), OfflineContext.priming());
            dependencies.storePrimer().run();
        });
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.logged(context, event, () -> counted(event, connect(event)));
    }

    /** The priming request is not counted: it would show as a refusal on every deploy. */
    private APIGatewayV2WebSocketResponse counted(APIGatewayV2WebSocketEvent event, APIGatewayV2WebSocketResponse response) {
        if (!Priming.CONNECTION.equals(event.getRequestContext().getConnectionId())) {
            metrics.record(response.getStatusCode() == 200 ? ConnectMetrics.ACCEPTED : WebSocketResponses.reasonOf(response));
        }
        return response;
    }

    private APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        Optional<Bearer> presented = Bearer.of(event);
        if (presented.isEmpty()) {
            LOG.info("connection refused: subprotocols offered without {}", Bearer.PROTOCOL);
            return WebSocketResponses.refused(400, "UNSUPPORTED_SUBPROTOCOL", "offer the subprotocols "
                    + Bearer.PROTOCOL + " and the token, in that order, or none and a token query parameter");
        }
        Bearer bearer = presented.get();
        ConnectionId id = ConnectionId.of(event.getRequestContext().getConnectionId());
        ConnectResult result = connectService.connect(id, bearer.token().orElse(null));
        if (result instanceof ConnectResult.Accepted accepted) {
            Invocations.tag("userId", accepted.connection().userId().value());
            LOG.info("connection accepted");
            return bearer.selectedProtocol()
                    .map(protocol -> WebSocketResponses.ok(Map.of("Sec-WebSocket-Protocol", protocol)))
                    .orElseGet(WebSocketResponses::ok);
        }
        return refusal(result, bearer.token().orElse(""));
    }

    private static APIGatewayV2WebSocketResponse refusal(ConnectResult result, String token) {
        if (result instanceof ConnectResult.TokenRejected rejected) {
            String detail = withoutToken(rejected, token);
            if (!rejected.reason().isFinal()) {
                LOG.error("connection refused: the token could not be verified: {}", detail);
                return WebSocketResponses.refused(503, rejected.reason().name(), detail);
            }
            LOG.info("connection refused: token {}: {}", rejected.reason(), detail);
            return WebSocketResponses.refused(401, rejected.reason().name(), detail);
        }
        if (result instanceof ConnectResult.LimitReached limit) {
            Invocations.tag("userId", limit.user().value());
            LOG.info("connection refused: the user already has {} open connections", limit.limit());
            return WebSocketResponses.refused(429, "TOO_MANY_CONNECTIONS",
                    "at most " + limit.limit() + " open connections per user");
        }
        ConnectResult.Unavailable unavailable = (ConnectResult.Unavailable) result;
        LOG.error("connection refused: the connection store is unavailable: {}", unavailable.detail());
        return WebSocketResponses.refused(500, "UNAVAILABLE", "the connection store is unavailable; try again");
    }

    /** The verifier's own words, unless they quote the token: then only what the reason means (the README's promise). */
    private static String withoutToken(ConnectResult.TokenRejected rejected, String token) {
        return !token.isEmpty() && rejected.detail().contains(token) ? rejected.reason().meaning() : rejected.detail();
    }
}
