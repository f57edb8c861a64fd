package io.broadsheet.local.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code up} makes writes possible out of the box: a token from the environment, or a fresh one it prints. */
class UpCommandTest {

    @AfterEach
    void clear() {
        System.clearProperty("broadsheet.api-token");
    }

    @Test
    void apiToken_isTheEnvironmentsOne_whenSet() {
        assertThat(UpCommand.apiToken("chosen-token")).isEqualTo("chosen-token");
        assertThat(System.getProperty("broadsheet.api-token")).isNull();
    }

    @Test
    void apiToken_isGeneratedAndGivenToTheFunctions_whenUnset() {
        String first = UpCommand.apiToken(null);

        assertThat(first).matches("[A-Za-z0-9_-]{32}");
        assertThat(System.getProperty("broadsheet.api-token")).isEqualTo(first);
        assertThat(UpCommand.apiToken(" ")).as("a new one each run").isNotEqualTo(first);
    }
}
