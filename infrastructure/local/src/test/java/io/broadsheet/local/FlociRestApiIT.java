package io.broadsheet.local;

import io.broadsheet.local.container.ContainerCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The api routes through Floci's emulated API Gateway REST API (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class FlociRestApiIT extends RestApiScenario {

    private static ContainerCloud cloud;

    @BeforeAll
    static void start() {
        cloud = ContainerCloud.start(CloudOptions.embedded().withBackend(Backend.FLOCI));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Override
    protected ContainerCloud cloud() {
        return cloud;
    }
}
