package adapters.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The run's virtual clock as Herald's services read it, which the simulation can set behind by a lag while one batch
 * is delivered. That is how several Notifiers running at once look to a browser: a slow one stamps an entry's
 * position when it appended it, up to the function's timeout before it pushes, while a faster one has meanwhile
 * pushed later entries and the browser has dropped.
 */
@Singleton
public final class NotifierClock extends Clock {
    private final VirtualClock clock;
    private Duration lag = Duration.ZERO;

    @Inject
    public NotifierClock(VirtualClock clock) {
        this.clock = clock;
    }

    /** Until {@link #catchUp()}, reads {@code lag} behind the virtual clock. */
    void lagBy(Duration lag) {
        this.lag = lag;
    }

    void catchUp() {
        this.lag = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return clock.instant().minus(lag);
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation runs in UTC");
    }
}
