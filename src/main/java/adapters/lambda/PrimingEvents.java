package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/** Harmless events for priming: a connection that does not exist, a user nobody is connected as. */
final class PrimingEvents {
    /**
     * A well-formed HS256 JWT signed with a key nobody has: the verifier parses it and checks its
     * signature, the path a real token takes, then refuses it.
     */
    static final String WELL_FORMED_FOREIGN_TOKEN = "eyJhbGciOiJIUzI1NiJ9"
            + ".eyJzdWIiOiJoZXJhbGQtcHJpbWluZyIsImNsYWltcyI6W10sImV4cCI6NDEwMjQ0NDgwMH0"
            + ".dGhpcy1zaWduYXR1cmUtd2lsbC1uZXZlci1tYXRjaC0";

    private PrimingEvents() {
    }

    static APIGatewayV2WebSocketEvent webSocket(String routeKey, String body) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setConnectionId(Priming.CONNECTION);
        context.setRouteKey(routeKey);
        context.setRequestId("priming");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setHeaders(Map.of("Sec-WebSocket-Protocol", "herald, " + WELL_FORMED_FOREIGN_TOKEN));
        event.setBody(body);
        return event;
    }

    static SQSEvent notification() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setBody("{\"specversion\":\"1.0\",\"id\":\"priming\",\"source\":\"herald\",\"type\":\"herald.priming\","
                + "\"userid\":\"" + Priming.CONNECTION + "\",\"data\":{}}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
