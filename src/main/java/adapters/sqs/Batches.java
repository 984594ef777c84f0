package adapters.sqs;

import java.util.ArrayList;
import java.util.List;

/** Splits messages, in order, into the SendMessageBatch calls SQS accepts. */
final class Batches {
    /** SQS's limits for one SendMessageBatch: ten entries and 256 KiB of messages in all. */
    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 262_144;

    private Batches() {
    }

    /** The indexes of the messages in each batch; a message too large to share a batch gets one of its own. */
    static List<List<Integer>> plan(List<OutboundMessage> messages, int maxEntries, int maxBytes) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int bytes = 0;
        for (int index = 0; index < messages.size(); index++) {
            int size = messages.get(index).size();
            if (!current.isEmpty() && (current.size() == maxEntries || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(index);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
