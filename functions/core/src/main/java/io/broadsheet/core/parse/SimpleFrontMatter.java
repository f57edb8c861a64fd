package io.broadsheet.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Front matter of the shape almost every upload has, read without a YAML parser: one
 * {@code key: value} per line, each value a plain or quoted string or a flow list of them
 * ({@code tags: [Transport, "City council"]}). Anything else (nesting, numbers, booleans, nulls,
 * escapes, anchors, comments after a value, duplicate keys, unusual characters) returns null and
 * goes to snakeyaml-engine, so the map is always the one snakeyaml-engine (JSON schema) would
 * load; {@code SimpleFrontMatterTest} compares the two. Loading YAML was a fifth of a Markdown
 * parse.
 */
final class SimpleFrontMatter {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** What the JSON schema reads as a number (ints and floats, with the spellings of infinity and NaN). */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?|-?\\.inf|\\.nan");
    /** Characters that start something else when they open a plain scalar. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`.";

    private SimpleFrontMatter() {
    }

    /** The front matter as snakeyaml-engine would load it, or null when it is not of the simple shape. */
    static Map<String, Object> parse(String yaml) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = yaml.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = yaml.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = yaml.substring(lineStart, lineEnd);
            lineStart = lineEnd + 1;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !KEY.matcher(line).region(0, colon).matches()) {
                return null;
            }
            String key = line.substring(0, colon);
            if (key.equals("null") || key.equals("true") || key.equals("false") || out.containsKey(key)) {
                return null;
            }
            if (colon + 1 < line.length() && line.charAt(colon + 1) != ' ') {
                return null; // "key:value" is one scalar, not a pair
            }
            Object value = value(trimSpaces(line.substring(colon + 1)));
            if (value == null) {
                return null;
            }
            out.put(key, value);
        }
        return out.isEmpty() ? null : out;
    }

    /** A string or a list of strings, or null when the value is anything else. */
    private static Object value(String text) {
        if (!printable(text)) {
            return null;
        }
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) {
                return null;
            }
            String inner = trimSpaces(text.substring(1, text.length() - 1));
            List<String> items = new ArrayList<>();
            if (inner.isEmpty()) {
                return items;
            }
            for (String item : inner.split(",", -1)) {
                String scalar = scalar(trimSpaces(item), true);
                if (scalar == null) {
                    return null;
                }
                items.add(scalar);
            }
            return items;
        }
        return scalar(text, false);
    }

    /** The string a one-line scalar stands for, or null when it is not surely a string. */
    private static String scalar(String text, boolean inFlow) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (first == '"' || first == '\'') {
            String inner = text.length() >= 2 && text.charAt(text.length() - 1) == first ? text.substring(1, text.length() - 1) : null;
            return inner == null || inner.indexOf(first) >= 0 || inner.indexOf('\\') >= 0 ? null : inner;
        }
        if (INDICATORS.indexOf(first) >= 0 || text.endsWith(":") || text.contains(": ") || text.indexOf('#') >= 0
                || inFlow && (text.indexOf('[') >= 0 || text.indexOf(']') >= 0 || text.indexOf('{') >= 0
                || text.indexOf('}') >= 0 || text.indexOf(':') >= 0)
                || text.indexOf('$') >= 0 || text.equals("null") || text.equals("true") || text.equals("false")
                || NUMBER.matcher(text).matches()) {
            return null;
        }
        return text;
    }

    /** Without leading and trailing ' ' (YAML's white space in a line; tabs never get this far). */
    private static String trimSpaces(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return text.substring(from, to);
    }

    /** Printable in YAML and plain in a line: no controls (tab included), no surrogates, no BOM or non-characters. */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '\uFEFF' || c >= '\uFFFE') {
                return false;
            }
        }
        return true;
    }
}
