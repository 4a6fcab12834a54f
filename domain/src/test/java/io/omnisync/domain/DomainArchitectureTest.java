package io.omnisync.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain depends on the JDK and Vavr only, and its packages do not form cycles. */
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.omnisync.domain");

    @Test
    void the_domain_uses_nothing_but_the_jdk_and_vavr() {
        classes()
                .that()
                .resideInAPackage("io.omnisync.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.omnisync.domain..", "java..", "io.vavr..")
                .check(DOMAIN);
    }

    @Test
    void the_domain_does_no_io_and_no_logging() {
        classes()
                .that()
                .resideInAPackage("io.omnisync.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "java.io..",
                        "java.nio..",
                        "java.net..",
                        "java.sql..",
                        "java.util.logging..",
                        "java.util.concurrent..")
                .check(DOMAIN);
    }

    @Test
    void domain_packages_have_no_cycles() {
        slices().matching("io.omnisync.domain.(*)..").should().beFreeOfCycles().check(DOMAIN);
    }
}
