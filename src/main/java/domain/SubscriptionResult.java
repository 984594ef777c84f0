package domain;

/** The answer to a subscribe or unsubscribe request. */
public sealed interface SubscriptionResult {

    record Subscribed(ClaimId claim) implements SubscriptionResult {
    }

    record Unsubscribed(ClaimId claim) implements SubscriptionResult {
    }

    record Refused(ClaimId claim, SubscriptionRefusal reason) implements SubscriptionResult {
    }
}
