package io.xxgk.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The picture of STYLE.md held by the compiled classes: the entry points (the command line and the
 * web page) on top, both over the services; the services over reading, checking, merging and
 * writing; nothing below calls up.
 */
class LayersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.xxgk");

    @Test
    void entryPointsSitOnTheServicesAndNothingCallsUp() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.xxgk.cli..")
                .layer("web").definedBy("io.xxgk.web..")
                .layer("services").definedBy("io.xxgk.pipeline..", "io.xxgk.report..")
                .layer("writers").definedBy("io.xxgk.excel..")
                .layer("merge").definedBy("io.xxgk.merge..", "io.xxgk.analysis..")
                .layer("check").definedBy("io.xxgk.check..")
                .layer("roster").definedBy("io.xxgk.roster..")
                .layer("readers").definedBy("io.xxgk.ingest..")
                .layer("base").definedBy("io.xxgk.schema..", "io.xxgk.finding..", "io.xxgk.i18n..", "io.xxgk.util..",
                        "io.xxgk.identity..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("services").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("writers").mayOnlyBeAccessedByLayers("cli", "web", "services")
                .whereLayer("merge").mayOnlyBeAccessedByLayers("cli", "web", "services", "writers")
                .whereLayer("check").mayOnlyBeAccessedByLayers("cli", "web", "services", "writers", "merge")
                .whereLayer("roster").mayOnlyBeAccessedByLayers("cli", "web", "services", "writers", "merge")
                .whereLayer("readers").mayOnlyBeAccessedByLayers("cli", "web", "services", "writers", "merge", "check",
                        "roster")
                .check(CLASSES);
    }

    @Test
    void theWebPageNeverRunsTheCommandLine() {
        ArchRuleDefinition.noClasses().that().resideInAPackage("io.xxgk.web..")
                .should().dependOnClassesThat().resideInAPackage("io.xxgk.cli..")
                .check(CLASSES);
    }

    @Test
    void theFormatsRegistryIsTheOnlyWayIntoTheReaders() {
        ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackages("io.xxgk.ingest..")
                .should().dependOnClassesThat().haveSimpleName("TextReportReader")
                .orShould().dependOnClassesThat().haveSimpleName("FastXlsxReader")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        SlicesRuleDefinition.slices().matching("io.xxgk.(*)..")
                .should().beFreeOfCycles().check(CLASSES);
    }
}
