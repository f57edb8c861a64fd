package io.broadsheet.local.container;

import io.broadsheet.local.Backend;
import io.broadsheet.local.CloudOptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Without Docker the container backends say so, and name the alternative. */
class ContainerCloudTest {

    @Test
    void start_withoutDocker_namesTheAlternative() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");

        assertThatThrownBy(() -> ContainerCloud.start(CloudOptions.embedded().withBackend(Backend.FLOCI)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Docker is not running: install Docker or use --backend embedded");
    }
}
