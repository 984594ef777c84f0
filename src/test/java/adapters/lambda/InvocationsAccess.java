package adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.function.Supplier;

/** Lets the per-invocation logging benchmark (package {@code bench}) call {@link Invocations} as the handlers do. */
public final class InvocationsAccess {

    private InvocationsAccess() {
    }

    /** What every WebSocket handler wraps its work in. */
    public static APIGatewayV2WebSocketResponse logged(Context context, APIGatewayV2WebSocketEvent event,
                                                       Supplier<APIGatewayV2WebSocketResponse> work) {
        return Invocations.logged(context, event, work);
    }

    /** A field that the handler adds once it knows it, as $connect does with the user. */
    public static void tag(String key, String value) {
        Invocations.tag(key, value);
    }
}
