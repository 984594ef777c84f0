package domain;

/** What a queued message turned out to hold: a notification, or the defect that makes it undeliverable. */
public sealed interface ParseResult {

    record Parsed(Notification notification) implements ParseResult {
    }

    record Rejected(NotificationDefect defect, String detail) implements ParseResult {
        /** The sentence logged and stored with the dead letter. */
        public String reason() {
            return defect + ": " + detail;
        }
    }

    static ParseResult rejected(NotificationDefect defect, String detail) {
        return new Rejected(defect, detail);
    }
}
