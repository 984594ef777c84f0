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
 * $default: subscribe, unsubscribe, resume and ping. Every request gets one answer, a result or an error the
 * client can read; nothing a client sends makes the route fail. The answer is the route's response: the $default
 * route is two-way (it has a route response), so API Gateway sends the body down the caller's socket itself and a
 * request with nothing to replay costs no @connections call. What must reach the caller before the answer, a
 * subscribe's {@code subscribed} ahead of its replay and the replayed events, goes through the push gateway while
 * the invocation runs, so it is on the socket before API Gateway sends the answer.
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
            // Answers are route responses now; a replay still pushes, so its path is primed on its own (the priming
            // connection does not exist: the push is answered 410 Gone).
            replies.push(ConnectionId.of(Priming.CONNECTION), Replies.pong()).toCompletableFuture().join();
        });
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.logged(context, event, () -> answer(event));
    }

    private APIGatewayV2WebSocketResponse answer(APIGatewayV2WebSocketEvent event) {
        ConnectionId caller = ConnectionId.of(event.getRequestContext().getConnectionId());
        ClientRequest request = ClientRequest.parse(event.getBody());
        String answer;
        if (request instanceof ClientRequest.Subscribe subscribe) {
            answer = subscribe(caller, subscribe);
        } else if (request instanceof ClientRequest.Resume resume) {
            answer = Replies.of(resume(caller, resume.claim().map(Target::claim), resume.after()));
        } else if (request instanceof ClientRequest.Unsubscribe unsubscribe) {
            answer = Replies.of(subscriptions.unsubscribe(caller, unsubscribe.claim()));
        } else if (request instanceof ClientRequest.Invalid invalid) {
            answer = Replies.error(invalid.reason(), invalid.message());
        } else {
            answer = Replies.pong();
        }
        if (request instanceof ClientRequest.Ping) {
            LOG.debug("answered {}", request); // a keep-alive: one per browser every few minutes, nothing to act on
        } else {
            LOG.info("answered {}", request);
        }
        return WebSocketResponses.answer(answer);
    }

    /**
     * Subscribes, then, once the caller hears the claim, resumes it: with no position the answer carries the one to
     * resume from next time; with one, {@code subscribed} and the replay go ahead and the answer is {@code resumed}.
     */
    private String subscribe(ConnectionId caller, ClientRequest.Subscribe subscribe) {
        SubscriptionResult result = subscriptions.subscribe(caller, subscribe.claim());
        if (!(result instanceof SubscriptionResult.Subscribed)) {
            return Replies.of(result);
        }
        if (subscribe.after().isEmpty()) {
            return Replies.of(result, Optional.of(resumes.startingPoint()));
        }
        send(caller, Replies.of(result));
        return Replies.of(resume(caller, Optional.of(Target.claim(subscribe.claim())), subscribe.after()));
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

    /** Sends what must reach the caller ahead of the answer. */
    private void send(ConnectionId caller, String reply) {
        PushResult sent = replies.push(caller, reply).toCompletableFuture().join();
        if (sent != PushResult.DELIVERED) {
            LOG.warn("a message ahead of the answer was not delivered: {}", sent);
        }
    }
}
