package dev.sextant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.sextant.identity.HotRead;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Module boundaries: each top-level package under {@code dev.sextant} is a module whose
 * {@code internal} package only it may use; the platform depends on no feature module; the
 * analytics engine depends on no framework.
 */
class ModuleBoundariesTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sextant");

    /** The module a class belongs to: the package segment after {@code dev.sextant}. */
    static String moduleOf(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static final ArchCondition<JavaClass> NOT_REACH_INTO_OTHER_MODULES_INTERNALS =
            new ArchCondition<>("not reach into another module's internal package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        boolean internal = target.getPackageName().startsWith("dev.sextant.")
                                && target.getPackageName().contains(".internal");
                        if (internal && !moduleOf(target).equals(moduleOf(origin))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            };

    @Test
    void modulesUseOnlyEachOthersPublicFaces() {
        classes().should(NOT_REACH_INTO_OTHER_MODULES_INTERNALS).check(SERVER);
    }

    /**
     * Every package, not only every module, is free of cycles: {@code (**)} makes each full package
     * name its own slice, so {@code marketdata.internal.live} and {@code marketdata.internal.store}
     * are checked against each other as well as {@code marketdata} against {@code analysis}.
     */
    @Test
    void noPackageCycles() {
        slices().matching("dev.sextant.(**)").should().beFreeOfCycles().check(SERVER);
    }

    private static final String PROVIDER_PACKAGE = "dev.sextant.marketdata.internal.provider";

    /**
     * A concrete provider adapter (or a type nested in one) is known only to its own package and to
     * the wiring that builds it; everyone else speaks {@code MarketDataProvider} and asks the
     * arbitrator (which macro series exist: {@code Arbitrator.catalogue()}).
     */
    @Test
    void onlyTheWiringKnowsTheProviderAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage(PROVIDER_PACKAGE)
                .and()
                .doNotHaveFullyQualifiedName("dev.sextant.marketdata.internal.live.LiveMarketConfiguration")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("are provider adapters") {
                    @Override
                    public boolean test(JavaClass target) {
                        JavaClass top = target;
                        while (top.getEnclosingClass().isPresent()) {
                            top = top.getEnclosingClass().get();
                        }
                        return top.getPackageName().equals(PROVIDER_PACKAGE)
                                && !top.isInterface()
                                && top.isAssignableTo(PROVIDER_PACKAGE + ".MarketDataProvider");
                    }
                })
                .check(SERVER);
    }

    @Test
    void platformDependsOnNoFeatureModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.sextant.platform..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to a feature module") {
                    @Override
                    public boolean test(JavaClass target) {
                        String module = moduleOf(target);
                        return target.getPackageName().startsWith("dev.sextant.")
                                && !module.isEmpty()
                                && !module.equals("platform")
                                && !module.equals("analytics");
                    }
                })
                .check(SERVER);
    }

    /**
     * The caller is explicit: modules receive a {@link dev.sextant.platform.Caller} and never read
     * the security context, which exists only on a request's own thread.
     */
    @Test
    void onlyIdentityReadsTheSecurityContext() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.sextant.identity..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContext")
                .check(SERVER);
    }

    /**
     * Market data refuses in domain terms ({@link dev.sextant.platform.DomainException} with its
     * {@link dev.sextant.marketdata.MarketDataRefusals}); the platform alone makes problem+json of
     * them. Only the web edge speaks HTTP: controllers (their own parameter parsing and answers) and
     * the hot-read adapter.
     */
    @Test
    void marketDataSpeaksHttpOnlyAtItsWebEdge() {
        noClasses()
                .that()
                .resideInAPackage("dev.sextant.marketdata..")
                .and(WEB_EDGE.negate())
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.sextant.platform.ApiProblem")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.sextant.platform.ProblemType")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.http..")
                .check(SERVER);
    }

    /** A controller or hot read, with the classes nested in it (its lambdas, records, anonymous routes). */
    private static final DescribedPredicate<JavaClass> WEB_EDGE =
            new DescribedPredicate<>("are a controller or a hot read") {
                @Override
                public boolean test(JavaClass javaClass) {
                    JavaClass outermost = javaClass;
                    while (outermost.getEnclosingClass().isPresent()) {
                        outermost = outermost.getEnclosingClass().get();
                    }
                    return outermost.isAnnotatedWith(RestController.class)
                            || outermost.getSimpleName().endsWith("Controller")
                            || outermost.getSimpleName().endsWith("HotReads")
                            || javaClass.isAssignableTo(HotRead.class);
                }
            };

    @Test
    void analyticsDependsOnNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.sextant.analytics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "dev.sextant.platform..",
                        "dev.sextant.marketdata..")
                .check(SERVER);
    }

    /** Null is explicit: in every package a type is non-null unless it says {@code @Nullable}. */
    @Test
    void everyPackageIsNullMarked() {
        List<String> unmarked = SERVER.stream()
                .map(JavaClass::getPackage)
                .distinct()
                .filter(javaPackage -> !javaPackage.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName)
                .sorted()
                .toList();

        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info")
                .isEmpty();
    }
}
