package io.broadsheet.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptSafeJsonTest {

    @Test
    void write_escapesWhatEndsAScriptElement_andKeepsTheData() throws Exception {
        String hostile = "</script><!-- & \u2028 \"quoted\" caf\u00e9";

        String json = ScriptSafeJson.write(Map.of("headline", hostile));

        assertThat(json).doesNotContain("<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readTree(json).get("headline").asText()).isEqualTo(hostile);
        assertThat(json).contains("caf\u00e9");
    }
}
