package domain;

/** Why a subscribe or unsubscribe was refused. */
public enum SubscriptionRefusal {
    UNKNOWN_CONNECTION("the connection is not recorded or has expired; reconnect"),
    NOT_ENTITLED("the token does not entitle this user to the claim"),
    TOO_MANY_SUBSCRIPTIONS("the connection already has the maximum number of subscriptions"),
    UNAVAILABLE("the connection store is unavailable; try again");

    private final String meaning;

    SubscriptionRefusal(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
