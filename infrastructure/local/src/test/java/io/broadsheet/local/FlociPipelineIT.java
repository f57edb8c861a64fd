package io.broadsheet.local;

import io.broadsheet.local.container.ContainerCloud;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The end-to-end scenario on Floci (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class FlociPipelineIT extends PipelineScenario {

    @Override
    protected LocalCloud startCloud() {
        return ContainerCloud.start(CloudOptions.embedded().withBackend(Backend.FLOCI));
    }
}
