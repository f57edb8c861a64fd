package io.broadsheet.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON that can sit inside an HTML {@code <script>} element whatever strings it holds. A browser
 * ends the element at the first {@code </script} and treats {@code <!--} specially, whatever the
 * JSON says; writing {@code <}, {@code >} and {@code &} as {@code \u003c}-style escapes (and the
 * JavaScript line terminators U+2028/U+2029 likewise) keeps the data identical for JSON parsers and
 * inert for the HTML parser.
 */
final class ScriptSafeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Immutable and thread-safe: made once rather than for every page. */
    private static final ObjectWriter PRETTY;

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    }

    private ScriptSafeJson() {
    }

    static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD", e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
