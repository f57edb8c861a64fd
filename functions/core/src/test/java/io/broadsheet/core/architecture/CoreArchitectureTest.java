package io.broadsheet.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of core (docs/architecture.md): {@code model} ← {@code parse} / {@code analysis} /
 * {@code render} ← {@code pipeline}, with {@code eval} on the side, reading what it scores. Core
 * knows neither the cloud nor the framework: those are the adapters' business.
 */
@AnalyzeClasses(packages = "io.broadsheet.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("io.broadsheet.core.model..")
            .layer("parse").definedBy("io.broadsheet.core.parse..")
            .layer("analysis").definedBy("io.broadsheet.core.analysis..")
            .layer("render").definedBy("io.broadsheet.core.render..")
            .layer("pipeline").definedBy("io.broadsheet.core.pipeline..")
            .layer("eval").definedBy("io.broadsheet.core.eval..")
            .whereLayer("pipeline").mayNotBeAccessedByAnyLayer()
            .whereLayer("eval").mayNotBeAccessedByAnyLayer()
            .whereLayer("parse").mayOnlyBeAccessedByLayers("pipeline", "eval")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("pipeline", "eval")
            .whereLayer("render").mayOnlyBeAccessedByLayers("pipeline")
            .whereLayer("model").mayOnlyBeAccessedByLayers("parse", "analysis", "render", "pipeline", "eval");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("io.broadsheet.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreImportsNeitherTheCloudNorTheFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "software.amazon.awssdk..", "com.amazonaws..")
            .because("core runs unchanged in Lambda, in the local cloud and in the CLI; adapters live in functions/aws");
}
