package adapters.emulator.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds the events API Gateway sends for {@code $connect}, messages and {@code $disconnect}. */
final class Events {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final String apiId;
    private final String stage;

    Events(String apiId, String stage) {
        this.apiId = apiId;
        this.stage = stage;
    }

    APIGatewayV2WebSocketEvent connect(Connection connection, HandshakeRequest request) {
        APIGatewayV2WebSocketEvent event = event(context(new RequestContext(), connection, Route.CONNECT, "CONNECT"));
        event.setHeaders(request.headers());
        event.setMultiValueHeaders(request.multiValueHeaders());
        event.setQueryStringParameters(request.queryStringParameters());
        event.setMultiValueQueryStringParameters(request.multiValueQueryStringParameters());
        return event;
    }

    APIGatewayV2WebSocketEvent message(Connection connection, String routeKey, String body) {
        RequestContext context = context(new RequestContext(), connection, routeKey, "MESSAGE");
        context.setMessageId(Ids.next());
        APIGatewayV2WebSocketEvent event = event(context);
        event.setBody(body);
        return event;
    }

    APIGatewayV2WebSocketEvent disconnect(Connection connection) {
        DisconnectRequestContext context = new DisconnectRequestContext();
        context(context, connection, Route.DISCONNECT, "DISCONNECT");
        context.setDisconnectStatusCode(connection.closeCode());
        context.setDisconnectReason(connection.closeReason());
        APIGatewayV2WebSocketEvent event = event(context);
        // What AWS sends on $disconnect: a few fixed headers, no client headers.
        event.setHeaders(HandshakeRequest.disconnectHeaders(connection.domainName));
        event.setMultiValueHeaders(HandshakeRequest.multi(event.getHeaders()));
        return event;
    }

    private static APIGatewayV2WebSocketEvent event(RequestContext context) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }

    private RequestContext context(RequestContext context, Connection connection, String routeKey, String type) {
        long now = System.currentTimeMillis();
        context.setRouteKey(routeKey);
        context.setEventType(type);
        context.setExtendedRequestId(Ids.next());
        context.setRequestId(context.getExtendedRequestId());
        context.setRequestTime(REQUEST_TIME.format(Instant.ofEpochMilli(now)));
        context.setRequestTimeEpoch(now);
        context.setMessageDirection("IN");
        context.setStage(stage);
        context.setConnectedAt(connection.connectedAt);
        context.setConnectionId(connection.id);
        context.setDomainName(connection.domainName);
        context.setApiId(apiId);
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(connection.sourceIp);
        identity.setUserAgent(connection.userAgent);
        context.setIdentity(identity);
        return context;
    }
}
