package io.broadsheet.local;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The api routes through LocalStack's emulated API Gateway REST API (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackRestApiIT extends RestApiScenario {

    @Override
    protected Backend backend() {
        return Backend.LOCALSTACK;
    }
}
