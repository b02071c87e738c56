package org.xenfusa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design's arrows, checked on the compiled classes of every module: the analysis libraries stay plain Java, the
 * command line uses only the libraries, documents never reach into the database model, no packages depend on each
 * other in a cycle, and one simple name means one thing.
 */
class ArchitectureTest {
    /**
     * Simple names that may be declared by more than one top-level class, each with the reason it must be. Empty: every
     * clash so far was two concepts sharing a name (renamed) or one concept declared twice (merged).
     */
    private static final Map<String, String> SHARED_SIMPLE_NAMES = Map.of();

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xenfusa");
    }

    @Test
    void librariesNeverUseSpringJpaOrThePlatform() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.xenfusa.sloc..", "org.xenfusa.trace..",
                "org.xenfusa.exports..", "org.xenfusa.misra..", "org.xenfusa.coverage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "org.xenfusa.model..", "org.xenfusa.web..", "org.xenfusa.cli..")
                .because("the analysis libraries are plain Java, usable from the command line and testable alone");
        rule.check(classes);
    }

    @Test
    void misraEvidenceDependsOnlyOnTheConfigurationEngine() {
        ArchRule rule = noClasses().that().resideInAPackage("org.xenfusa.misra..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xenfusa.trace..", "org.xenfusa.exports..")
                .because("MISRA evidence needs only the source tree and the compiled-file set of sloc-estimator; the"
                        + " documents and pages render its report, never the other way round");
        rule.check(classes);
    }

    @Test
    void coverageEvidenceNeverDependsOnTheDocuments() {
        ArchRule rule = noClasses().that().resideInAPackage("org.xenfusa.coverage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xenfusa.exports..", "org.xenfusa.misra..")
                .because("coverage evidence is computed from the trace and the data; the documents render its report");
        rule.check(classes);
    }

    @Test
    void theCommandLineNeverImportsWebCode() {
        ArchRule rule = noClasses().that().resideInAPackage("org.xenfusa.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xenfusa.web..", "org.springframework..",
                        "org.xenfusa.model..")
                .because("fusa commands compute with the libraries alone; only the entry point starts the web app");
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.xenfusa.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noTwoTopLevelClassesShareASimpleName() {
        ArchRule rule = classes().that().resideInAPackage("org.xenfusa..").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should(haveASimpleNameNoOtherTopLevelClassHas())
                .because("a name means one concept across modules: two FileRole or SuspectLink types with different"
                        + " meanings make every reader (and every import) guess which one is meant");
        rule.check(classes);
    }

    private static ArchCondition<JavaClass> haveASimpleNameNoOtherTopLevelClassHas() {
        return new ArchCondition<>("have a simple name no other top-level class in org.xenfusa has") {
            private Map<String, List<JavaClass>> bySimpleName = Map.of();

            @Override
            public void init(Collection<JavaClass> all) {
                bySimpleName = all.stream().collect(Collectors.groupingBy(JavaClass::getSimpleName));
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<JavaClass> same = bySimpleName.getOrDefault(c.getSimpleName(), List.of(c));
                if (same.size() > 1 && !SHARED_SIMPLE_NAMES.containsKey(c.getSimpleName())) {
                    String others = same.stream().filter(o -> !o.equals(c)).map(JavaClass::getName)
                            .collect(Collectors.joining(", "));
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " has the simple name of " + others));
                }
            }
        };
    }
}
