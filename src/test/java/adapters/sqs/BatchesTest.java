package adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static List<OutboundMessage> messages(int count, int bodyBytes) {
        return Collections.nCopies(count, new OutboundMessage("x".repeat(bodyBytes), "t", "user:u"));
    }

    @Test
    void smallMessages_goTenToABatch_inOrder() {
        List<List<Integer>> batches = Batches.plan(messages(25, 100), Batches.MAX_ENTRIES, Batches.MAX_BYTES);

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(batches.get(1)).startsWith(10).endsWith(19);
    }

    @Test
    void largeMessages_areSplitSoNoBatchPassesTheByteLimit() {
        List<OutboundMessage> messages = messages(5, 100_000);

        List<List<Integer>> batches = Batches.plan(messages, Batches.MAX_ENTRIES, Batches.MAX_BYTES);

        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().mapToInt(i -> messages.get(i).size()).sum())
                .isLessThanOrEqualTo(Batches.MAX_BYTES));
    }

    @Test
    void aMessageOverTheByteLimit_getsABatchOfItsOwn() {
        assertThat(Batches.plan(messages(2, 300_000), Batches.MAX_ENTRIES, Batches.MAX_BYTES))
                .containsExactly(List.of(0), List.of(1));
    }

    @Test
    void size_countsTheBodyAndEveryAttributesNameTypeAndValue() {
        OutboundMessage message = new OutboundMessage("{}", "job.done", "user:é");

        assertThat(message.size()).isEqualTo(2 + "type".length() + "job.done".length() + "target".length() + 7 + 2 * "String".length());
    }
}
