package io.broadsheet.core.parse;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleFrontMatterTest {

    private final LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();

    @Test
    void parse_readsTheUsualShape() {
        Map<String, Object> front = SimpleFrontMatter.parse(
                "title: \"Council approves two new tram lines\"\nauthor: Maria Okafor\ndate: 2026-03-05T09:30:00Z\n"
                        + "tags: [Transport, 'City council']\n");

        assertThat(front).containsExactly(Map.entry("title", "Council approves two new tram lines"),
                Map.entry("author", "Maria Okafor"), Map.entry("date", "2026-03-05T09:30:00Z"),
                Map.entry("tags", List.of("Transport", "City council")));
    }

    @Test
    void parse_leavesNumbersBooleansNullsNestingAndEscapesToYaml() {
        for (String yaml : List.of("year: 2026", "draft: true", "author:", "author: null", "ratio: 1E5",
                "author:\n  name: Jo", "title: \"a \\\"quoted\\\" word\"", "title: a # comment", "- item", "a: b\na: c",
                "title: &anchor x", "tags: [a, [b]]", "tags: [a, 1]", "title: x: y", "home: $HOME", "title:\tx")) {
            assertThat(SimpleFrontMatter.parse(yaml)).as(yaml).isNull();
        }
    }

    @Test
    void parse_agreesWithSnakeYaml_wheneverItReadsTheText() {
        String[] keys = {"title", "author", "date", "tags", "role", "null", "Title", "x_1", "a-b", " title", "#c"};
        String alphabet = "ab Z9 0.-:,#[]{}'\"&*!|>%@`$~?é\u2003\\e+";
        SplittableRandom random = new SplittableRandom(13);
        int read = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder yaml = new StringBuilder();
            for (int line = 1 + random.nextInt(4); line > 0; line--) {
                yaml.append(keys[random.nextInt(keys.length)]).append(random.nextInt(8) == 0 ? ":" : ": ");
                StringBuilder value = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String v = value.toString();
                switch (random.nextInt(4)) {
                    case 0 -> yaml.append('"').append(v).append('"');
                    case 1 -> yaml.append('[').append(v).append(", ").append(v.strip()).append(']');
                    default -> yaml.append(v);
                }
                yaml.append('\n');
            }
            Map<String, Object> simple = SimpleFrontMatter.parse(yaml.toString());
            if (simple != null) {
                read++;
                Object loaded = new Load(settings).loadFromString(yaml.toString());
                assertThat(simple).as(yaml.toString()).isEqualTo(loaded);
            }
        }
        assertThat(read).as("inputs the fast path read").isGreaterThan(1_000);
    }
}
