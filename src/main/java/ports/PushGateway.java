package ports;

import domain.ConnectionId;
import domain.PushResult;
import java.util.concurrent.CompletionStage;

/** Sends messages down open WebSocket connections (API Gateway's @connections API on AWS). */
public interface PushGateway {

    /** Sends the payload to one connection; the stage always completes normally with what happened, never with an exception. */
    CompletionStage<PushResult> push(ConnectionId id, String payload);
}
