package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectionId;
import domain.PushResult;
import domain.SubscriptionService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ports.PushGateway;

/**
 * $default: subscribe, unsubscribe and ping. Each request is answered down the caller's own
 * socket through the push gateway, with a result or an error it can read; nothing a client sends
 * makes the route fail.
 */
public final class DefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultHandler.class);

    /** What this handler needs from the composition root. */
    public interface Dependencies {
        SubscriptionService subscriptionService();

        PushGateway pushGateway();
    }

    private final SubscriptionService subscriptions;
    private final PushGateway replies;

    public DefaultHandler() {
        this(System.getenv());
    }

    public DefaultHandler(Map<String, String> environment) {
        this(AwsComponents.defaultRoute(environment));
    }

    public DefaultHandler(Dependencies dependencies) {
        this.subscriptions = dependencies.subscriptionService();
        this.replies = dependencies.pushGateway();
        Priming.register("DefaultHandler", () -> {
            handleRequest(PrimingEvents.webSocket("$default", "{\"action\":\"subscribe\",\"claimId\":\"priming\"}"),
                    OfflineContext.priming());
            handleRequest(PrimingEvents.webSocket("$default", "{\"action\":\"ping\"}"), OfflineContext.priming());
        });
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.logged(context, event, () -> answer(event));
    }

    private APIGatewayV2WebSocketResponse answer(APIGatewayV2WebSocketEvent event) {
        ConnectionId caller = ConnectionId.of(event.getRequestContext().getConnectionId());
        ClientRequest request = ClientRequest.parse(event.getBody());
        String reply = replyTo(caller, request);
        LOG.info("answered {}", request);
        PushResult sent = replies.push(caller, reply).toCompletableFuture().join();
        if (sent != PushResult.DELIVERED) {
            LOG.warn("the reply to the caller was not delivered: {}", sent);
        }
        return WebSocketResponses.ok();
    }

    private String replyTo(ConnectionId caller, ClientRequest request) {
        if (request instanceof ClientRequest.Subscribe subscribe) {
            return Replies.of(subscriptions.subscribe(caller, subscribe.claim()));
        }
        if (request instanceof ClientRequest.Unsubscribe unsubscribe) {
            return Replies.of(subscriptions.unsubscribe(caller, unsubscribe.claim()));
        }
        if (request instanceof ClientRequest.Invalid invalid) {
            return Replies.error(invalid.reason(), invalid.message());
        }
        return Replies.pong();
    }
}
