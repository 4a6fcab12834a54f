package io.omnisync.adapters.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.sync.EngineStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the whole product, checked here because every module is on this classpath:
 * one rule per boundary. Domain ← application ← adapters; the store ports belong to the unit of
 * work (EngineStore) alone; the adapters (configuration file,
 * sandboxes, stores, vendor-call resilience) never use each other; only the composition root and
 * the command line put them together; only the composition root builds an injector. Every rule
 * fails when the classes it speaks of are missing (ArchUnit's failOnEmptyShould, the default).
 */
class ArchitectureTest {

    private static final String DOMAIN = "io.omnisync.domain..";
    private static final String APPLICATION = "io.omnisync.application..";
    private static final String COMPOSITION = "io.omnisync.adapters.composition..";
    private static final String COMMAND_LINE = "io.omnisync.adapters.cli..";

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omnisync");
    }

    @Test
    void the_domain_depends_on_nothing_but_vavr_and_the_jdk() {
        classes()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(DOMAIN, "java..", "io.vavr..")
                .check(product);
    }

    @Test
    void only_the_store_s_configuration_snapshot_builds_a_configuration_without_validating_it() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.omnisync.adapters.jdbc.ConfigurationSnapshot")
                .and()
                .resideOutsideOfPackage("io.omnisync.domain.configuration")
                .should()
                .callMethod(
                        io.omnisync.domain.configuration.Configuration.class,
                        "trusted",
                        io.omnisync.domain.configuration.ConfigurationDraft.class,
                        io.vavr.collection.Seq.class)
                .check(product);
    }

    @Test
    void the_application_depends_on_the_domain_jakarta_inject_and_slf4j_only() {
        classes()
                .that()
                .resideInAPackage(APPLICATION)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "io.vavr..", "jakarta.inject..", "org.slf4j..")
                .check(product);
    }

    @Test
    void the_store_ports_are_the_unit_of_work_s_own() {
        noClasses()
                .that()
                .resideInAPackage(APPLICATION)
                .and()
                .doNotBelongToAnyOf(EngineStore.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(AgentSessions.class, ConfigurationStore.class, Outbox.class, Transactions.class)
                .check(product);
    }

    @Test
    void adapters_do_not_use_each_other() {
        slices().matching("io.omnisync.adapters.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(resideInAnyPackage(COMPOSITION, COMMAND_LINE), alwaysTrue())
                .check(product);
    }

    @Test
    void the_composition_root_puts_together_the_engine_and_its_resilience_only() {
        noClasses()
                .that()
                .resideInAPackage(COMPOSITION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.omnisync.adapters.configjson..",
                        "io.omnisync.adapters.sandbox..",
                        "io.omnisync.adapters.memory..",
                        "io.omnisync.adapters.jdbc..",
                        COMMAND_LINE)
                .check(product);
    }

    @Test
    void nothing_depends_on_the_command_line() {
        noClasses()
                .that()
                .resideOutsideOfPackage(COMMAND_LINE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(COMMAND_LINE)
                .check(product);
    }

    @Test
    void only_the_composition_root_builds_an_injector() {
        noClasses()
                .that()
                .resideOutsideOfPackage(COMPOSITION)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Injector.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Guice.class)
                .check(product);
    }

    @Test
    void nothing_but_the_command_line_writes_to_the_console() {
        noClasses()
                .that()
                .resideOutsideOfPackage(COMMAND_LINE)
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(product);
    }
}
