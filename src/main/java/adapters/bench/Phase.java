package adapters.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the clients received during one measured step: the latency of every delivery (from the producer's send,
 * stamped in the notification's data, to the client's read), how many each connection got, and when the first and
 * last arrived. Written by the clients' event loops, read by the scenario.
 */
final class Phase {
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(5);

    final String name;
    private final ConcurrentHistogram latency = new ConcurrentHistogram(MAX_LATENCY_NANOS, 3);
    private final AtomicIntegerArray perConnection;
    private final LongAdder received = new LongAdder();
    private final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastArrival = new AtomicLong();

    Phase(String name, int connections) {
        this.name = name;
        this.perConnection = new AtomicIntegerArray(connections);
    }

    void record(int connection, long sentNanos, long arrivedNanos) {
        latency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, arrivedNanos - sentNanos)));
        perConnection.incrementAndGet(connection);
        received.increment();
        firstArrival.accumulateAndGet(arrivedNanos, Math::min);
        lastArrival.accumulateAndGet(arrivedNanos, Math::max);
    }

    long received() {
        return received.sum();
    }

    int receivedBy(int connection) {
        return perConnection.get(connection);
    }

    long lastArrivalNanos() {
        return lastArrival.get();
    }

    long firstArrivalNanos() {
        return firstArrival.get();
    }

    Histogram latency() {
        return latency.copy();
    }

    /** Waits until {@code expected} deliveries arrived, or nothing arrived for {@code quietMillis}. */
    boolean awaitReceived(long expected, long quietMillis) throws InterruptedException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (received() < expected) {
            long now = received();
            if (now != lastCount) {
                lastCount = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
