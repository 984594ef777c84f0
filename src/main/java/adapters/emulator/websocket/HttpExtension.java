package adapters.emulator.websocket;

import java.util.List;
import java.util.Map;

/**
 * Plain HTTP endpoints that someone else plugs into the gateway, such as the local stack's development endpoints.
 * The gateway knows nothing of what they do: it hands over the method, path, query and body and writes back the answer.
 */
public interface HttpExtension {
    /** An extension that answers nothing. */
    HttpExtension NONE = new HttpExtension() {
        @Override
        public boolean handles(String path) {
            return false;
        }

        @Override
        public Answer answer(String method, String path, String body) {
            throw new IllegalStateException("no extension handles " + path);
        }
    };

    /** Whether this extension answers requests to the path; asked on the event loop, so it must not block. */
    boolean handles(String path);

    /** Answers one request (the body as UTF-8 text); called off the event loop, so it may block. */
    Answer answer(String method, String path, String body);

    /** Answers one request with its query parameters; an extension that reads none answers as without them. */
    default Answer answer(String method, String path, Map<String, List<String>> query, String body) {
        return answer(method, path, body);
    }

    /** An HTTP status and a JSON body. */
    record Answer(int status, String json) {
    }
}
