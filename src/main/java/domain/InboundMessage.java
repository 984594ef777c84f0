package domain;

/**
 * A message as a queue hands it over.
 *
 * @param receiveCount how many times the queue has handed this message out, this time included
 */
public record InboundMessage(String messageId, int receiveCount, ParseResult content) {
}
