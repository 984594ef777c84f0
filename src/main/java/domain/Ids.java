package domain;

final class Ids {
    /** DynamoDB keys and API Gateway ids are far shorter; a longer id is a bug or an attack. */
    static final int MAX_LENGTH = 256;

    private Ids() {
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
    }
}
