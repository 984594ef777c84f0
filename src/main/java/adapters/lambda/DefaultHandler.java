package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectionId;
import domain.Position;
import domain.PushResult;
import domain.ResumeResult;
import domain.ResumeService;
import domain.SubscriptionResult;
import domain.SubscriptionService;
import domain.Target;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ports.PushGateway;

/**
 * $default: subscribe, unsubscribe, resume and ping. Each request is answered down the caller's own
 * socket through the push gateway, with a result or an error it can read; nothing a client sends
 * makes the route fail. A resume's replayed events go down the same socket before its answer.
 */
public final class DefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultHandler.class);

    /** What this handler needs from the composition root. */
    public interface Dependencies {
        SubscriptionService subscriptionService();

        ResumeService resumeService();

        PushGateway pushGateway();

        /** CloudWatch metrics of every resume; none by default. */
        default ResumeMetrics resumeMetrics() {
            return ResumeMetrics.NONE;
        }
    }

    private final SubscriptionService subscriptions;
    private final ResumeService resumes;
    private final ResumeMetrics resumeMetrics;
    private final PushGateway replies;

    public DefaultHandler() {
        this(System.getenv());
    }

    public DefaultHandler(Map<String, String> environment) {
        this(AwsComponents.defaultRoute(environment));
    }

    public DefaultHandler(Dependencies dependencies) {
        this.subscriptions = dependencies.subscriptionService();
        this.resumes = dependencies.resumeService();
        this.resumeMetrics = dependencies.resumeMetrics();
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
        if (request instanceof ClientRequest.Subscribe subscribe) {
            subscribe(caller, subscribe);
        } else if (request instanceof ClientRequest.Resume resume) {
            send(caller, Replies.of(resume(caller, resume.claim().map(Target::claim), resume.after())));
        } else if (request instanceof ClientRequest.Unsubscribe unsubscribe) {
            send(caller, Replies.of(subscriptions.unsubscribe(caller, unsubscribe.claim())));
        } else if (request instanceof ClientRequest.Invalid invalid) {
            send(caller, Replies.error(invalid.reason(), invalid.message()));
        } else {
            send(caller, Replies.pong());
        }
        LOG.info("answered {}", request);
        return WebSocketResponses.ok();
    }

    /**
     * Subscribes, then, once the caller hears the claim, resumes it: with no position the answer carries the one to
     * resume from next time; with one, the replay follows the answer and a {@code resumed} answer ends it.
     */
    private void subscribe(ConnectionId caller, ClientRequest.Subscribe subscribe) {
        SubscriptionResult result = subscriptions.subscribe(caller, subscribe.claim());
        if (!(result instanceof SubscriptionResult.Subscribed)) {
            send(caller, Replies.of(result));
            return;
        }
        if (subscribe.after().isEmpty()) {
            send(caller, Replies.of(result, Optional.of(resumes.startingPoint())));
        } else {
            send(caller, Replies.of(result));
            send(caller, Replies.of(resume(caller, Optional.of(Target.claim(subscribe.claim())), subscribe.after())));
        }
    }

    /** {@code claim} empty: the caller's own user. */
    private ResumeResult resume(ConnectionId caller, Optional<Target> claim, Optional<Position> after) {
        ResumeResult result = claim.isPresent()
                ? resumes.resume(caller, claim.get(), after)
                : resumes.resumeOwnUser(caller, after);
        if (after.isPresent()) {
            try {
                resumeMetrics.record(result);
            } catch (RuntimeException e) {
                LOG.warn("the resume's metrics were not written: {}", e.getMessage());
            }
            LOG.info("resume of {} after {}: {}", result instanceof ResumeResult.Resumed resumed ? resumed.target()
                    : ((ResumeResult.Refused) result).target(), after.get(), result);
        }
        return result;
    }

    private void send(ConnectionId caller, String reply) {
        PushResult sent = replies.push(caller, reply).toCompletableFuture().join();
        if (sent != PushResult.DELIVERED) {
            LOG.warn("the reply to the caller was not delivered: {}", sent);
        }
    }
}
