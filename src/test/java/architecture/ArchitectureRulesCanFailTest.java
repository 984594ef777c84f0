package architecture;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.bench.fixtures.BenchThatUsesTheDomain;
import adapters.emulator.fixtures.EmulatorThatKnowsHerald;
import adapters.fixturea.ReachesIntoAnotherFamily;
import adapters.wiring.fixtures.JitterCapturedInTheSnapshot;
import adapters.fixturea.StrayComponent;
import adapters.fixtureb.ReachesBack;
import adapters.fixtureb.SomeoneElsesAdapter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import domain.fixtures.DomainClassThatUsesAnAdapter;
import domain.fixtures.DomainClassThatUsesJackson;
import org.junit.jupiter.api.Test;
import ports.fixtures.PortThatIsAClass;

/**
 * Every rule must report a violating fixture; a rule that cannot fail guards nothing. The fixtures
 * live under src/test in the real packages, so the rules apply to them unchanged, and the check of
 * production code leaves them out.
 */
class ArchitectureRulesCanFailTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... fixtures) {
        return rule.evaluate(new ClassFileImporter().importClasses(fixtures));
    }

    @Test
    void aDomainClassThatImportsALibrary_breaksTheCoreRule() {
        EvaluationResult result = evaluate(HexagonalRules.the_core_depends_only_on_itself_and_the_jdk, DomainClassThatUsesJackson.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void aDomainClassThatUsesAnAdapter_breaksBothCoreRules() {
        assertThat(evaluate(HexagonalRules.the_core_never_sees_an_adapter, DomainClassThatUsesAnAdapter.class).hasViolation()).isTrue();
        assertThat(evaluate(HexagonalRules.the_core_depends_only_on_itself_and_the_jdk, DomainClassThatUsesAnAdapter.class)
                .hasViolation()).isTrue();
    }

    @Test
    void aPortThatIsAClass_breaksThePortRule() {
        assertThat(evaluate(HexagonalRules.ports_are_interfaces, PortThatIsAClass.class).hasViolation()).isTrue();
    }

    @Test
    void anAdapterThatReachesIntoAnotherFamily_breaksTheFamilyRule() {
        EvaluationResult result = evaluate(HexagonalRules.adapter_families_do_not_depend_on_each_other,
                ReachesIntoAnotherFamily.class, SomeoneElsesAdapter.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("fixturea").contains("fixtureb");
    }

    @Test
    void aDaggerComponentOutsideTheCompositionRoots_breaksTheRootRule() {
        assertThat(evaluate(HexagonalRules.dagger_components_live_only_in_the_composition_roots, StrayComponent.class)
                .hasViolation()).isTrue();
    }

    @Test
    void twoPackagesThatReachIntoEachOther_breakTheCycleRule() {
        EvaluationResult result = evaluate(HexagonalRules.herald_packages_are_free_of_cycles,
                ReachesIntoAnotherFamily.class, SomeoneElsesAdapter.class, ReachesBack.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected").contains("fixturea").contains("fixtureb");
    }

    @Test
    void anEmulatorClassThatReadsTheDomain_breaksTheEmulatorRule() {
        EvaluationResult result = evaluate(HexagonalRules.the_emulator_knows_nothing_of_herald, EmulatorThatKnowsHerald.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("domain.Limits");
    }

    @Test
    void aGeneratorBuiltDuringInit_breaksTheRestoreRule() {
        EvaluationResult result = evaluate(HexagonalRules.deployed_code_draws_randomness_only_from_the_restore_safe_source,
                JitterCapturedInTheSnapshot.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("java.util.SplittableRandom.<init>");
    }

    @Test
    void aBenchmarkClassThatReadsTheDomain_breaksTheClientRule() {
        EvaluationResult result = evaluate(HexagonalRules.the_benchmark_uses_only_what_a_client_would, BenchThatUsesTheDomain.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("domain.Limits");
    }
}
