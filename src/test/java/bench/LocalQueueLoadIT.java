package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link LocalQueueLoad} at a tiny size (100 messages/s for 2 s), so the queue benchmark cannot rot. Nothing is timed. */
class LocalQueueLoadIT {
    @Test
    void aTinyRun_receivesEveryMessageItSent() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LocalQueueLoad.main(new String[] {"100", "2"});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sent 200, received 200 at 100/s over 2 s");
    }
}
