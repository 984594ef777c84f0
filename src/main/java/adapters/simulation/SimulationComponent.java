package adapters.simulation;

import adapters.cli.Herald;
import adapters.wiring.DomainModule;
import dagger.BindsInstance;
import dagger.Component;
import domain.HistoryPolicy;
import domain.Limits;
import domain.RetryPolicy;
import domain.Sleeper;
import java.time.Duration;
import javax.inject.Singleton;

/** Herald on in-memory adapters with injected faults, on the simulation's virtual clock. */
@Singleton
@Component(modules = {SimulationModule.class, DomainModule.class})
public interface SimulationComponent extends SimulatedSystem {

    /** Builds one system per run; retries sleep by advancing the virtual clock. */
    SystemFactory FACTORY = (clock, plan, ledger, random) -> DaggerSimulationComponent.factory().create(clock, plan, ledger,
            Limits.DEFAULT, Simulation.HISTORY, RetryPolicy.standard(random), (Duration pause) -> clock.advance(pause));

    @Component.Factory
    interface Factory {
        SimulationComponent create(@BindsInstance VirtualClock clock, @BindsInstance FaultPlan plan,
                                   @BindsInstance Ledger ledger, @BindsInstance Limits limits,
                                   @BindsInstance HistoryPolicy historyPolicy,
                                   @BindsInstance RetryPolicy retryPolicy, @BindsInstance Sleeper sleeper);
    }
}
