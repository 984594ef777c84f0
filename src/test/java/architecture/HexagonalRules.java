package architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Herald's layering as ArchUnit rules, shared by the test that checks the code and the test that
 * shows each rule failing on a violating fixture.
 */
final class HexagonalRules {
    /** The one package allowed to see every adapter family: the Dagger components and the command line. */
    static final String COMPOSITION_ROOT = "adapters.app..";
    /** The CloudEvents codec, shared by every family that reads or writes queue messages. */
    static final String SHARED_CODEC = "adapters.json..";

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
            .ignoreDependency(resideInAPackage(COMPOSITION_ROOT), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(COMPOSITION_ROOT, SHARED_CODEC))
            .ignoreDependency(resideInAPackage("adapters.simulation.."), resideInAPackage("adapters.memory.."))
            .because("a family reaches another only through the ports; the composition root wires them, entry points"
                    + " ask it for their component, and the simulation drives the in-memory adapters it injects faults into");

    static final ArchRule dagger_components_live_only_in_the_composition_root = classes()
            .that().areAnnotatedWith(dagger.Component.class)
            .should().resideInAPackage(COMPOSITION_ROOT)
            .allowEmptyShould(false);

    static final ArchRule the_core_never_sees_an_adapter = noClasses()
            .that().resideInAnyPackage("domain..", "ports..")
            .should().dependOnClassesThat().resideInAPackage("adapters..");

    private HexagonalRules() {
    }
}
