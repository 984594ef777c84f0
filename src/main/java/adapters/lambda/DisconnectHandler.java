package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import domain.ConnectionId;
import domain.ConnectionRepositoryException;
import domain.DisconnectService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** $disconnect: forgets the connection. Best effort, as on AWS: a record left behind is evicted later. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DisconnectHandler.class);

    /** What this handler needs from the composition root. */
    public interface Dependencies {
        DisconnectService disconnectService();
    }

    private final DisconnectService disconnectService;

    public DisconnectHandler() {
        this(System.getenv());
    }

    public DisconnectHandler(Map<String, String> environment) {
        this(AwsComponents.disconnect(environment));
    }

    public DisconnectHandler(Dependencies dependencies) {
        this.disconnectService = dependencies.disconnectService();
        Priming.register("DisconnectHandler",
                () -> handleRequest(PrimingEvents.webSocket("$disconnect", null), OfflineContext.priming()));
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return Invocations.logged(context, event, () -> disconnect(event));
    }

    private APIGatewayV2WebSocketResponse disconnect(APIGatewayV2WebSocketEvent event) {
        try {
            disconnectService.disconnect(ConnectionId.of(event.getRequestContext().getConnectionId()));
            LOG.info("connection closed");
            return WebSocketResponses.ok();
        } catch (ConnectionRepositoryException e) {
            LOG.warn("could not forget the connection; it will be evicted on its next push or expire: {}", e.getMessage());
            return WebSocketResponses.refused(500, "UNAVAILABLE", "the connection store is unavailable");
        }
    }
}
