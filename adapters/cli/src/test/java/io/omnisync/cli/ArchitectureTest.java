package io.omnisync.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of the whole product, checked where every module is on the classpath:
 * domain ← application ← adapters, adapters never use each other (only the composition root, the
 * command line, sees them all), and no framework leaks inward.
 */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omnisync");
    }

    @Test
    void layers_point_inward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("domain")
                .definedBy("io.omnisync.domain..")
                .layer("application")
                .definedBy("io.omnisync.application..")
                .layer("adapters")
                .definedBy("io.omnisync.adapters..", "io.omnisync.embedding..")
                .layer("command line")
                .definedBy("io.omnisync.cli..")
                .whereLayer("command line")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("adapters")
                .mayOnlyBeAccessedByLayers("command line")
                .whereLayer("application")
                .mayOnlyBeAccessedByLayers("adapters", "command line")
                .check(product);
    }

    @Test
    void adapters_do_not_use_each_other() {
        slices().matching("io.omnisync.adapters.(*)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(false)
                .check(product);
    }

    @Test
    void the_embedding_facade_uses_no_vendor_or_store_adapter() {
        noClasses()
                .that()
                .resideInAPackage("io.omnisync.embedding..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.omnisync.adapters..")
                .check(product);
    }

    @Test
    void domain_and_application_import_no_framework() {
        noClasses()
                .that()
                .resideInAnyPackage("io.omnisync.domain..", "io.omnisync.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.google.inject..",
                        "com.fasterxml..",
                        "io.cucumber..",
                        "java.sql..",
                        "picocli..",
                        "org.flywaydb..")
                .check(product);
    }

    @Test
    void nothing_but_the_command_line_writes_to_the_console() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.omnisync.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(product);
    }
}
