package io.broadsheet.local.embedded.dynamodb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Node.js the embedded backend says what to install instead of failing obscurely. */
class DynaliteProcessTest {

    @AfterEach
    void restore() {
        System.clearProperty("broadsheet.node");
    }

    @Test
    void start_withoutNode_namesWhatToInstall() {
        System.setProperty("broadsheet.node", "/nonexistent/node");

        assertThatThrownBy(() -> DynaliteProcess.start(Path.of(""), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node.js is not installed")
                .hasMessageContaining("--backend localstack");
    }
}
