package org.muster.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the README's module table ("Modules"), checked on the compiled main classes
 * of every module (the testkits' too, which this module's tests depend on): core depends on no other
 * module, only the app uses Guice, no module uses another's {@code internal} packages, no {@code spi}
 * package uses its own module's {@code internal} packages (a plugin implements the SPI, so the SPI must
 * stand on what is public), the Java API needs neither Guice nor the command line, packages have no
 * cycles, and only the command line writes to the standard streams.
 */
class ArchitectureTest {

    private static final List<String> MODULES = List.of("core", "diagnostics", "testkit", "samplers", "em", "models",
            "app");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.muster");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : MODULES) {
            boolean found = classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.muster." + module));
            org.junit.jupiter.api.Assertions.assertTrue(found, "no classes of module " + module + " on the test class path");
        }
    }

    @Test
    void coreDependsOnNoOtherMusterModuleAndNotOnGuice() {
        ArchRule rule = noClasses().that().resideInAPackage("org.muster.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.muster.diagnostics..", "org.muster.samplers..", "org.muster.em..",
                        "org.muster.models..", "org.muster.app..", "com.google.inject..");
        rule.check(classes);
    }

    @Test
    void onlyTheAppUsesGuice() {
        noClasses().that().resideOutsideOfPackage("org.muster.app..").should().dependOnClassesThat()
                .resideInAnyPackage("com.google.inject..").check(classes);
    }

    @Test
    void noModuleUsesAnotherModulesInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("org.muster." + module + "..").should().dependOnClassesThat()
                    .resideInAPackage("org.muster." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void noSpiPackageUsesItsModulesInternals() {
        for (String module : MODULES) {
            noClasses().that().resideInAPackage("org.muster." + module + ".spi..").should().dependOnClassesThat()
                    .resideInAPackage("org.muster." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void theJavaApiNeedsNeitherGuiceNorTheCommandLine() {
        noClasses().that().resideInAPackage("org.muster.app.api..").should().dependOnClassesThat()
                .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "picocli..", "org.muster.app.internal..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.muster.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("org.muster.app.internal.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
        noClasses().that().resideInAPackage("org.muster.app.internal.cli..").and().doNotHaveSimpleName("Main")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }
}
