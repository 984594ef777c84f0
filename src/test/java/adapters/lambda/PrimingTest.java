package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryTokenVerifier;
import domain.ConnectService;
import domain.Limits;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void priming_runsTheHandlersOwnPathAndItsStorePrimer_andNeverThrows() {
        AtomicInteger storePrimed = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        Clock clock = Clock.systemUTC();
        InMemoryTokenVerifier tokens = new InMemoryTokenVerifier(clock);
        new ConnectHandler(new ConnectHandler.Dependencies() {
            @Override
            public ConnectService connectService() {
                return new ConnectService(token -> {
                    verified.incrementAndGet();
                    return tokens.verify(token);
                }, new InMemoryConnectionRepository(), Limits.DEFAULT, clock);
            }

            @Override
            public Runnable storePrimer() {
                return storePrimed::incrementAndGet;
            }
        });
        Priming.register("a primer with a bug", () -> {
            throw new IllegalStateException("boom");
        });

        assertThatCode(Priming::primeAll).doesNotThrowAnyException();

        assertThat(verified.get()).isPositive();
        assertThat(storePrimed.get()).isPositive();
    }
}
