package io.broadsheet.local.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The functions' rule of docs/architecture.md: a handler decodes its event and calls a step; the SDK
 * clients belong to the adapters ({@code functions/aws}), which build them once per function. This
 * module has every function on its class path, so the rule is checked here for all four.
 */
@AnalyzeClasses(packages = {"io.broadsheet.parse", "io.broadsheet.analyze", "io.broadsheet.publish", "io.broadsheet.api"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionsArchitectureTest {

    @ArchTest
    static final ArchRule handlersUseNoSdkClient = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..")
            .because("clients are built once, by the adapters' factory, and reached through the core's ports");
}
