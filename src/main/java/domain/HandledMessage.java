package domain;

import java.util.Optional;

/**
 * One queued message after {@link BatchDelivery} handled it: its verdict and why.
 *
 * @param report the fan-out's report, when the message held a notification and its audience could be read
 */
public record HandledMessage(String messageId, Verdict verdict, String reason, Optional<DeliveryReport> report) {
}
