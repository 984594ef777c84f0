package adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The integration responses the WebSocket routes return to API Gateway. */
final class WebSocketResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebSocketResponses() {
    }

    static APIGatewayV2WebSocketResponse ok() {
        return response(200, "", Map.of());
    }

    /** Success with a body: on a two-way route API Gateway sends the body to the client as one text message. */
    static APIGatewayV2WebSocketResponse answer(String body) {
        return response(200, body, Map.of());
    }

    static APIGatewayV2WebSocketResponse ok(Map<String, String> headers) {
        return response(200, "", headers);
    }

    /** A refusal: on $connect, API Gateway fails the upgrade with this status. */
    static APIGatewayV2WebSocketResponse refused(int status, String reason, String message) {
        ObjectNode body = JSON.createObjectNode().put("reason", reason).put("message", message);
        return response(status, body.toString(), Map.of("Content-Type", "application/json"));
    }

    /** The reason a refusal names in its body. */
    static String reasonOf(APIGatewayV2WebSocketResponse refusal) {
        try {
            return JSON.readTree(refusal.getBody()).path("reason").asText("UNKNOWN");
        } catch (JsonProcessingException e) {
            return "UNKNOWN";
        }
    }

    private static APIGatewayV2WebSocketResponse response(int status, String body, Map<String, String> headers) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        response.setHeaders(headers);
        return response;
    }
}
