package bench;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryPushGateway;
import domain.ClaimId;
import domain.Connection;
import domain.ConnectionId;
import domain.DeliveryReport;
import domain.FanOut;
import domain.Limits;
import domain.Notification;
import domain.Principal;
import domain.RetryPolicy;
import domain.Sleeper;
import domain.Target;
import domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The domain's fan-out on in-memory adapters: finding a claim's audience among {@code connections} subscribers and
 * pushing to each, with no network, so what is measured is the planning and bookkeeping per delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {
    private static final ClaimId CLAIM = ClaimId.of("C-bench");

    @Param({"10000"})
    public int connections;

    private FanOut fanOut;
    private Notification notification;

    @Setup
    public void subscribeEveryone() {
        Clock clock = Clock.systemUTC();
        InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
        InMemoryPushGateway gateway = new InMemoryPushGateway();
        for (int i = 0; i < connections; i++) {
            ConnectionId id = ConnectionId.of("conn-" + i);
            Principal principal = new Principal(UserId.of("user-" + i), Set.of(CLAIM));
            repository.save(Connection.open(id, principal, Instant.now(clock), Limits.DEFAULT));
            repository.subscribe(id, CLAIM);
            gateway.open(id, payload -> { });
        }
        fanOut = new FanOut(repository, gateway, RetryPolicy.standard(new Random(1)), Sleeper.REAL, clock, 50);
        notification = new Notification("n-1", "bench", "bench.notification", Optional.empty(), Target.claim(CLAIM),
                "{\"specversion\":\"1.0\",\"id\":\"n-1\",\"source\":\"bench\",\"type\":\"bench.notification\","
                        + "\"claimid\":\"C-bench\",\"data\":{\"exportId\":\"e-1\"}}");
    }

    @Benchmark
    public DeliveryReport deliverToEverySubscriber() {
        return fanOut.deliver(notification);
    }
}
