package adapters.memory;

import domain.InboundMessage;
import domain.Notification;
import domain.ParseResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ports.MessageSource;

/**
 * A standard SQS queue in memory, with its dead-letter queue: a received message is invisible for
 * the visibility timeout; a failed one reappears when that runs out; one received
 * {@code maxReceiveCount} times and failed again moves to the dead-letter queue on the next receive,
 * as SQS's redrive policy does.
 */
public final class InMemoryMessageQueue implements MessageSource {

    public record Settings(int batchSize, Duration visibilityTimeout, int maxReceiveCount) {
        /** Lambda's batch of 10, six times a 30 s Notifier timeout, and Terraform's default receive limit. */
        public static final Settings DEFAULT = new Settings(10, Duration.ofSeconds(180), 5);
    }

    /** A message that left the queue for the dead-letter queue, and why. */
    public record DeadLetter(String messageId, ParseResult content, String reason, int receiveCount, Instant at) {
    }

    private static final class Entry {
        final String id;
        final ParseResult content;
        int receiveCount;
        Instant visibleAt;
        String lastFailure = "no failure reported";

        Entry(String id, ParseResult content, Instant visibleAt) {
            this.id = id;
            this.content = content;
            this.visibleAt = visibleAt;
        }
    }

    private final Map<String, Entry> messages = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Settings settings;
    private final Clock clock;
    private long sequence;

    public InMemoryMessageQueue(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public String send(Notification notification) {
        return send(new ParseResult.Parsed(notification));
    }

    /** Enqueues what a producer's message decodes to, malformed ones included; returns the message id. */
    public synchronized String send(ParseResult content) {
        String id = "msg-" + ++sequence;
        messages.put(id, new Entry(id, content, clock.instant()));
        return id;
    }

    @Override
    public synchronized List<InboundMessage> receive() {
        Instant now = clock.instant();
        List<InboundMessage> batch = new ArrayList<>();
        Iterator<Entry> entries = messages.values().iterator();
        while (entries.hasNext() && batch.size() < settings.batchSize()) {
            Entry entry = entries.next();
            if (entry.visibleAt.isAfter(now)) {
                continue;
            }
            if (entry.receiveCount >= settings.maxReceiveCount()) {
                entries.remove();
                deadLetters.add(new DeadLetter(entry.id, entry.content,
                        "receive limit " + settings.maxReceiveCount() + " reached; last failure: " + entry.lastFailure,
                        entry.receiveCount, now));
                continue;
            }
            entry.receiveCount++;
            entry.visibleAt = now.plus(settings.visibilityTimeout());
            batch.add(new InboundMessage(entry.id, entry.receiveCount, entry.content));
        }
        return batch;
    }

    @Override
    public synchronized void acknowledge(InboundMessage message) {
        messages.remove(message.messageId());
    }

    /** The message stays invisible until its visibility timeout runs out, as with a Lambda batch item failure. */
    @Override
    public synchronized void fail(InboundMessage message, String reason) {
        Entry entry = messages.get(message.messageId());
        if (entry != null) {
            entry.lastFailure = reason;
        }
    }

    @Override
    public synchronized void deadLetter(InboundMessage message, String reason) {
        Entry entry = messages.remove(message.messageId());
        if (entry != null) {
            deadLetters.add(new DeadLetter(entry.id, entry.content, reason, entry.receiveCount, clock.instant()));
        }
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Messages waiting or in flight. */
    public synchronized int depth() {
        return messages.size();
    }

    /** When the earliest hidden message becomes visible again; empty when the queue is empty. */
    public synchronized Optional<Instant> nextVisibleAt() {
        return messages.values().stream().map(entry -> entry.visibleAt).min(Instant::compareTo);
    }
}
