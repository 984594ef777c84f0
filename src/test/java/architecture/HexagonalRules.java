package architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Herald's layering as ArchUnit rules, shared by the test that checks the code and the test that
 * shows each rule failing on a violating fixture.
 */
final class HexagonalRules {
    /**
     * The composition roots, each named for what it composes: what is deployed to Lambda, the local stack that runs on
     * one machine, and the simulation of the core. Only they hold Dagger components.
     */
    static final String[] COMPOSITION_ROOTS = {"adapters.lambda..", "adapters.localstack..", "adapters.simulation.."};
    /** What may use several adapter families: the composition roots, the command line, and the benchmark client. */
    static final String[] ASSEMBLERS = {"adapters.lambda..", "adapters.localstack..", "adapters.simulation..",
            "adapters.cli..", "adapters.bench.."};
    /** The CloudEvents codec, shared by every family that reads or writes queue messages. */
    static final String SHARED_CODEC = "adapters.json..";
    static final String EMULATOR = "adapters.emulator..";
    private static final String[] HERALD = {"domain..", "ports..", "adapters.."};

    static final ArchRule the_core_depends_only_on_itself_and_the_jdk = classes()
            .that().resideInAnyPackage("domain..", "ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("domain..", "ports..", "java..")
            .because("the domain and its ports must stay plain Java, testable in milliseconds")
            .allowEmptyShould(false);

    static final ArchRule ports_are_interfaces = classes()
            .that().resideInAPackage("ports..")
            .should().beInterfaces()
            .allowEmptyShould(false);

    static final ArchRule adapter_families_do_not_depend_on_each_other = slices()
            .matching("adapters.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage(ASSEMBLERS), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage(SHARED_CODEC))
            .because("a family reaches another only through the ports; the composition roots wire them, and the command"
                    + " line and the benchmark client use them as a producer or a browser would");

    static final ArchRule herald_packages_are_free_of_cycles = slices()
            .matching("adapters.(**)")
            .should().beFreeOfCycles()
            .because("an entry point lives with the wiring that builds it, so nothing imports back up into what imports it");

    static final ArchRule dagger_components_live_only_in_the_composition_roots = classes()
            .that().areAnnotatedWith(dagger.Component.class)
            .should().resideInAnyPackage(COMPOSITION_ROOTS)
            .allowEmptyShould(false);

    static final ArchRule the_core_never_sees_an_adapter = noClasses()
            .that().resideInAnyPackage("domain..", "ports..")
            .should().dependOnClassesThat().resideInAPackage("adapters..");

    static final ArchRule the_emulator_knows_nothing_of_herald = classes()
            .that().resideInAPackage(EMULATOR)
            .should().onlyDependOnClassesThat(resideInAPackage(EMULATOR).or(resideOutsideOfPackages(HERALD)))
            .because("the API Gateway and SQS emulator is driven by the template and its settings alone")
            .allowEmptyShould(false);

    static final ArchRule the_benchmark_uses_only_what_a_client_would = classes()
            .that().resideInAPackage("adapters.bench..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("adapters.bench..", "adapters.sqs..", "adapters.jose4j..",
                    SHARED_CODEC).or(resideOutsideOfPackages(HERALD)))
            .because("the benchmark measures the running system as producers and browsers see it: the producer library,"
                    + " the token minter, the codec and WebSockets, never the domain")
            .allowEmptyShould(false);

    /** What ships to Lambda, where one SnapStart snapshot is restored into many execution environments. */
    static final String[] DEPLOYED = {"domain..", "ports..", "adapters.lambda..", "adapters.wiring..", "adapters.apigateway..",
            "adapters.dynamodb..", "adapters.jose4j..", "adapters.json..", "adapters.sqs.."};

    static final ArchRule deployed_code_draws_randomness_only_from_the_restore_safe_source = noClasses()
            .that().resideInAnyPackage(DEPLOYED)
            .and().doNotHaveFullyQualifiedName("adapters.wiring.RestoreSafeRandom")
            .should().callConstructor(java.util.Random.class)
            .orShould().callConstructor(java.util.SplittableRandom.class)
            .orShould().callConstructor(java.util.SplittableRandom.class, long.class)
            .orShould().callConstructor(java.util.Random.class, long.class)
            .orShould().callMethod(Math.class, "random")
            .because("a generator built during init is captured by the SnapStart snapshot and draws the same numbers in"
                    + " every restored copy; AWS's SpotBugs rules see only handler fields, so this rule covers the rest");

    private HexagonalRules() {
    }
}
