package io.broadsheet.core.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptSafeJsonTest {

    @Test
    void write_escapesWhatEndsAScriptElement_andKeepsTheData() throws Exception {
        String hostile = "</script><!-- & \u2028 \"quoted\" caf\u00e9";

        String json = ScriptSafeJson.write(Map.of("headline", hostile));

        assertThat(json).doesNotContain("<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readTree(json).get("headline").asText()).isEqualTo(hostile);
        assertThat(json).contains("caf\u00e9");
    }

    @Test
    void write_isWhatJacksonsPrettyPrinterWrites_forAPagesJsonLd() throws Exception {
        // GIVEN a JSON-LD shaped like a page's, with every kind of value it holds
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("headline", "Tram \"lines\" \\ <b> & 10 > 9\ttab\u0001\u007f\u2029");
        ld.put("mainEntityOfPage", new LinkedHashMap<>(Map.of("@id", "https://news.example.org/a")));
        ld.put("keywords", List.of("transport", "city"));
        ld.put("empty", Map.of());
        ld.put("none", List.of());
        ld.put("wordCount", 1000);
        ld.put("draft", false);
        ld.put("author", null);

        // THEN it is byte for byte what the page wrote when Jackson made it
        assertThat(ScriptSafeJson.write(ld)).isEqualTo(jackson().writeValueAsString(ld));
    }

    @Test
    void write_matchesJackson_onRandomStringsAndNesting() throws Exception {
        Random random = new Random(8);
        ObjectWriter jackson = jackson();
        for (int round = 0; round < 2_000; round++) {
            Object value = randomValue(random, 0);
            assertThat(ScriptSafeJson.write(value)).as("round %d", round).isEqualTo(jackson.writeValueAsString(value));
        }
    }

    @Test
    void write_refusesValuesJsonLdDoesNotHold() {
        assertThatThrownBy(() -> ScriptSafeJson.write(Map.of("at", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object randomValue(Random random, int depth) {
        int kind = depth >= 3 ? random.nextInt(3) : random.nextInt(5);
        return switch (kind) {
            case 0 -> randomString(random);
            case 1 -> random.nextBoolean() ? (Object) random.nextInt() : (Object) random.nextBoolean();
            case 2 -> random.nextInt(8) == 0 ? null : randomString(random);
            case 3 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Characters from every class the escaping treats differently: controls, quotes, HTML specials, non-ASCII, surrogates. */
    private static String randomString(Random random) {
        String alphabet = "ab Z09\"\\/<>&'\n\r\t\b\f\u0000\u001f\u007f\u0080\u00e9\u2028\u2029\u20ac\ud83d\ude00\ud800";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** How pages wrote their JSON-LD before (Jackson, HTML-safe escapes, default pretty printer): the reference. */
    private static ObjectWriter jackson() {
        ObjectMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] ascii = htmlSafe();

            private static int[] htmlSafe() {
                int[] table = standardAsciiEscapesForJSON();
                table['<'] = ESCAPE_STANDARD;
                table['>'] = ESCAPE_STANDARD;
                table['&'] = ESCAPE_STANDARD;
                return table;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return ascii;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
            }
        });
        // Jackson's indenter breaks lines with the platform's separator; pages always use \n
        return mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    }
}
