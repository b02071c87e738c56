package org.xenfusa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design's arrows, checked on the compiled classes of every module: the analysis libraries stay plain Java, the
 * command line uses only the libraries, documents never reach into the database model, and no packages depend on each
 * other in a cycle.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xenfusa");
    }

    @Test
    void librariesNeverUseSpringJpaOrThePlatform() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.xenfusa.sloc..", "org.xenfusa.trace..",
                "org.xenfusa.exports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "org.xenfusa.model..", "org.xenfusa.web..", "org.xenfusa.cli..")
                .because("the analysis libraries are plain Java, usable from the command line and testable alone");
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
}
