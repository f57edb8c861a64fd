package io.broadsheet.local;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The api routes through Floci's emulated API Gateway REST API (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class FlociRestApiIT extends RestApiScenario {

    @Override
    protected Backend backend() {
        return Backend.FLOCI;
    }
}
