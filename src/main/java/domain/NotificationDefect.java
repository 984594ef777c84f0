package domain;

/** Why a queued message can never become a notification; such a message is dead-lettered at once. */
public enum NotificationDefect {
    NOT_JSON("the message body is not a JSON object"),
    MISSING_ATTRIBUTE("a required CloudEvents attribute is missing"),
    INVALID_ATTRIBUTE("a CloudEvents attribute has the wrong type or format"),
    UNSUPPORTED_SPECVERSION("only CloudEvents specversion 1.0 is supported"),
    NO_TARGET("the event names neither a userid nor a claimid"),
    TWO_TARGETS("the event names both a userid and a claimid; it must name exactly one"),
    TOO_LARGE("the encoded event, with room for its history position, is over API Gateway's 128 KB message limit"),
    RESERVED_ATTRIBUTE("the event sets heraldposition, which Herald adds itself");

    private final String meaning;

    NotificationDefect(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
