package adapters.emulator.websocket;

/**
 * Plain HTTP endpoints that someone else plugs into the gateway, such as the local stack's development endpoints.
 * The gateway knows nothing of what they do: it hands over the method, path and body and writes back the answer.
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

    /** An HTTP status and a JSON body. */
    record Answer(int status, String json) {
    }
}
