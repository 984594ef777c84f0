package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/**
 * The {@code $disconnect} request context with the two fields API Gateway sends but
 * aws-lambda-java-events' {@code RequestContext} does not declare: a Java handler on AWS never sees them, a
 * local handler can read them through this type.
 */
public final class DisconnectRequestContext extends APIGatewayV2WebSocketEvent.RequestContext {
    private static final long serialVersionUID = 1L;

    private int disconnectStatusCode;
    private String disconnectReason;

    public int getDisconnectStatusCode() {
        return disconnectStatusCode;
    }

    public void setDisconnectStatusCode(int disconnectStatusCode) {
        this.disconnectStatusCode = disconnectStatusCode;
    }

    public String getDisconnectReason() {
        return disconnectReason;
    }

    public void setDisconnectReason(String disconnectReason) {
        this.disconnectReason = disconnectReason;
    }
}
