package io.broadsheet.core.render;

import java.util.List;
import java.util.Map;

/**
 * JSON that can sit inside an HTML {@code <script>} element whatever strings it holds. A browser
 * ends the element at the first {@code </script} and treats {@code <!--} specially, whatever the
 * JSON says; writing {@code <}, {@code >} and {@code &} as {@code \u003C}-style escapes (and the
 * JavaScript line terminators U+2028/U+2029 likewise) keeps the data identical for JSON parsers and
 * inert for the HTML parser.
 *
 * <p>Written by hand for the few shapes a page's JSON-LD has (maps with string keys, lists,
 * strings, numbers, booleans, null), in the layout of Jackson's default pretty printer, which
 * {@code ScriptSafeJsonTest} holds it to: every page paid for Jackson's serialiser machinery (a
 * large body of code run once per page) for a dozen fields.
 */
final class ScriptSafeJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** The ASCII characters a string escapes: controls, quote, backslash and the three HTML specials. */
    private static final boolean[] ESCAPED_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 0x20; c++) {
            ESCAPED_ASCII[c] = true;
        }
        for (char c : new char[] {'"', '\\', '<', '>', '&'}) {
            ESCAPED_ASCII[c] = true;
        }
    }

    private ScriptSafeJson() {
    }

    /** The value as pretty-printed JSON: two-space indented objects, arrays on one line. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(2048); // a page's JSON-LD, without growing
        value(out, value, 0);
        return out.toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth);
        } else if (value instanceof List<?> list) {
            array(out, list, depth);
        } else {
            throw new IllegalArgumentException("no JSON-LD form for " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{ }");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(out, depth + 1);
            string(out, String.valueOf(e.getKey()));
            out.append(" : ");
            value(out, e.getValue(), depth + 1);
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(out, list.get(i), depth);
        }
        out.append(" ]");
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** A JSON string: quotes, backslashes and controls escaped as JSON requires, plus the script-unsafe characters. */
    private static void string(StringBuilder out, CharSequence text) {
        out.append('"');
        int n = text.length();
        int plain = 0; // start of the run of characters copied as they are
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 ? !ESCAPED_ASCII[c] : c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, plain, n).append('"');
    }
}
