package architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks Herald's production classes against its layering rules. */
@AnalyzeClasses(packages = {"domain", "ports", "adapters"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_core_depends_only_on_itself_and_the_jdk = HexagonalRules.the_core_depends_only_on_itself_and_the_jdk;

    @ArchTest
    static final ArchRule the_core_never_sees_an_adapter = HexagonalRules.the_core_never_sees_an_adapter;

    @ArchTest
    static final ArchRule ports_are_interfaces = HexagonalRules.ports_are_interfaces;

    @ArchTest
    static final ArchRule adapter_families_do_not_depend_on_each_other = HexagonalRules.adapter_families_do_not_depend_on_each_other;

    @ArchTest
    static final ArchRule herald_packages_are_free_of_cycles = HexagonalRules.herald_packages_are_free_of_cycles;

    @ArchTest
    static final ArchRule dagger_components_live_only_in_the_composition_roots =
            HexagonalRules.dagger_components_live_only_in_the_composition_roots;

    @ArchTest
    static final ArchRule the_emulator_knows_nothing_of_herald = HexagonalRules.the_emulator_knows_nothing_of_herald;

    @ArchTest
    static final ArchRule deployed_code_draws_randomness_only_from_the_restore_safe_source =
            HexagonalRules.deployed_code_draws_randomness_only_from_the_restore_safe_source;

    @ArchTest
    static final ArchRule the_benchmark_uses_only_what_a_client_would = HexagonalRules.the_benchmark_uses_only_what_a_client_would;
}
