package domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void positionsOrderTheSameAsTheirText_soAStoreCanSortByTheText() {
        SplittableRandom random = new SplittableRandom(7);
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            positions.add(Position.of(NOW.plusMillis(random.nextInt(50)), "n-" + i, 1 + random.nextInt(3)));
        }

        List<Position> byValue = positions.stream().sorted().toList();
        List<Position> byText = positions.stream().sorted(Comparator.comparing(Position::text)).toList();

        assertThat(byText).isEqualTo(byValue);
    }

    @Test
    void theFirstPositionOfAMillisecond_isAtOrBeforeEveryPositionStampedThen() {
        Position first = Position.first(NOW);

        assertThat(Position.of(NOW, "n-1", 1)).isGreaterThan(first);
        assertThat(Position.of(NOW.minusMillis(1), "n-1", 1)).isLessThan(first);
        assertThat(Position.of(NOW, "n-1", 1).text()).isGreaterThan(first.text());
    }

    @Test
    void everyAttemptOfANotification_hasAPositionOfItsOwn() {
        assertThat(Position.of(NOW, "n-1", 1)).isNotEqualTo(Position.of(NOW, "n-1", 2));
    }

    @Test
    void parse_readsBackWhatTextWrote_andRefusesAnythingElse() {
        Position position = Position.of(NOW, "n-1", 1);

        assertThat(Position.parse(position.text())).contains(position);
        assertThat(Position.parse("1764583200000")).isEmpty();
        assertThat(Position.parse("not-a-position")).isEmpty();
        assertThat(Position.parse(position.text() + " ")).isEmpty();
        assertThat(Position.parse(null)).isEmpty();
    }

    @Test
    void aNotificationAtAPosition_isTheProducersEventWithOneMoreAttribute() {
        Notification notification = new Notification("n-1", "test", "t", Optional.empty(),
                Target.user(UserId.of("u")), " {\"specversion\":\"1.0\",\"id\":\"n-1\"}");
        Position position = Position.of(NOW, "n-1", 1);

        assertThat(notification.at(position).payload())
                .isEqualTo(" {\"heraldposition\":\"" + position.text() + "\",\"specversion\":\"1.0\",\"id\":\"n-1\"}");
        assertThat(notification.at(position).payload().length() - notification.payload().length())
                .isLessThanOrEqualTo(Position.ATTRIBUTE_BYTES);
    }
}
