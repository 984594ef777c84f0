package adapters.apigateway;

/**
 * An answer the test server can be scripted to give instead of its normal one, shaped as API
 * Gateway sends it: the status, the {@code x-amzn-ErrorType} header the SDK reads first, and a
 * JSON body with only a {@code message}.
 */
enum Reply {
    THROTTLED(429, "LimitExceededException", "\"Too Many Requests\""),
    FORBIDDEN(403, "ForbiddenException", "\"Forbidden\""),
    SERVER_ERROR(500, "InternalServerErrorException", "\"Internal server error\""),
    /** Accepts the request and never answers, as a black-holed connection would. */
    HANG(0, "", "");

    final int status;
    final String errorType;
    final String message;

    Reply(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
    }
}
