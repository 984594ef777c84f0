package adapters.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What a soak sees, window by window: the latencies of the deliveries that arrived in each, and the gateway's heap
 * after its last GC and its RSS, sampled {@link #SAMPLES_PER_WINDOW} times a window with {@code /dev/stats?gc=no}. The
 * last window runs until {@link #finish()}, so it also holds the deliveries that arrive after the last send.
 */
final class SoakWatch implements AutoCloseable {
    static final int SAMPLES_PER_WINDOW = 6;

    /** One window of the soak, from and to its times since the soak's start, with its latencies and samples. */
    record Window(Duration from, Duration to, Histogram latency, List<FootprintSample> samples) {

        /** Its span, e.g. {@code 01:00-02:00}. */
        String label() {
            return clock(from) + "-" + clock(to);
        }

        double medianHeapBytes() {
            return median(samples.stream().mapToLong(FootprintSample::heapAfterLastGcBytes).toArray());
        }

        double medianRssBytes() {
            return median(samples.stream().mapToLong(FootprintSample::rssBytes).toArray());
        }

        private static String clock(Duration at) {
            return String.format("%02d:%02d", at.toMinutes(), at.toSecondsPart());
        }
    }

    private final ScheduledExecutorService ticker = Tickers.daemon("bench-soak-watch");
    private final GatewayProbe gateway;
    private final Phase phase;
    private final Duration window;
    private final Duration duration;
    private final long windows;
    private final long start = System.nanoTime();
    private final List<Window> closed = new ArrayList<>();
    private final List<FootprintSample> all = new ArrayList<>();
    private List<FootprintSample> current = new ArrayList<>();
    private Histogram seen;
    private long ticks;

    private SoakWatch(GatewayProbe gateway, Phase phase, Duration window, Duration duration) {
        this.gateway = gateway;
        this.phase = phase;
        this.window = window;
        this.duration = duration;
        this.windows = Math.max(1, (duration.toNanos() + window.toNanos() - 1) / window.toNanos());
        this.seen = phase.latency();
    }

    /** Starts watching the deliveries of {@code phase} over a soak of {@code duration}, in windows of {@code window}. */
    static SoakWatch start(GatewayProbe gateway, Phase phase, Duration window, Duration duration) {
        SoakWatch watch = new SoakWatch(gateway, phase, window, duration);
        long every = window.toNanos() / SAMPLES_PER_WINDOW;
        watch.ticker.scheduleAtFixedRate(watch::tick, every, every, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** Stops sampling and closes the last window; returns every window, in order. */
    List<Window> finish() throws InterruptedException {
        close();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (this) {
            closeWindow();
            return List.copyOf(closed);
        }
    }

    /** Every sample, in order, for the report. */
    synchronized List<FootprintSample> samples() {
        return List.copyOf(all);
    }

    private synchronized void tick() {
        sample();
        if (++ticks % SAMPLES_PER_WINDOW == 0 && closed.size() < windows - 1) {
            closeWindow();
        }
    }

    private void sample() {
        try {
            GatewayProbe.Stats stats = gateway.statsWithoutGc();
            FootprintSample sample = new FootprintSample((System.nanoTime() - start) / 1e9, stats.heapAfterLastGcBytes(),
                    stats.rssBytes());
            current.add(sample);
            all.add(sample);
        } catch (IOException e) {
            // A sample the gateway did not answer is missing from its window's median; the soak goes on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeWindow() {
        Histogram now = phase.latency();
        Histogram arrived = now.copy();
        arrived.subtract(seen);
        seen = now;
        Duration from = window.multipliedBy(closed.size());
        Duration to = closed.size() == windows - 1 ? duration : from.plus(window);
        closed.add(new Window(from, to, arrived, List.copyOf(current)));
        current = new ArrayList<>();
    }

    /** The median of the values that are known (not negative); NaN when none is. */
    static double median(long[] values) {
        long[] known = Arrays.stream(values).filter(value -> value >= 0).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int middle = known.length / 2;
        return known.length % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2.0;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
