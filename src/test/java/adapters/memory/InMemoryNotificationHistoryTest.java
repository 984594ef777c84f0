package adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import domain.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ports.NotificationHistory;
import ports.NotificationHistoryContract;

class InMemoryNotificationHistoryTest extends NotificationHistoryContract {
    private final InMemoryNotificationHistory history = new InMemoryNotificationHistory();

    @Override
    protected NotificationHistory history() {
        return history;
    }

    @Test
    void appending_dropsTheTargetsExpiredEntries() {
        Target target = user();
        history.append(entry(target, "n-old", NOW.minus(Duration.ofDays(2))));
        history.append(entry(target, "n-new", NOW));

        assertThat(history.size()).isEqualTo(1);
    }
}
