package io.broadsheet.core.render;

/**
 * Article text made fit for a page or a feed. Escaping is the templates' job; this removes what no
 * escaping can carry: control characters, non-characters and lone surrogates are parse errors in
 * HTML and not allowed at all in XML 1.0, so one stray byte in an upload would otherwise make the
 * page invalid or the feed unreadable.
 */
final class PlainText {


    private PlainText() {
    }

    /** One line: forbidden code points dropped, runs of white space made one space, trimmed; null stays null. */
    static String line(String text) {
        if (text == null) {
            return null;
        }
        if (isPlainLine(text)) {
            return text.strip(); // nothing to drop or collapse (the two checks below, in one pass)
        }
        String cleaned = clean(text);
        if (isCollapsed(cleaned)) {
            return cleaned.strip();
        }
        // collapse runs of \s ([ \t\n\x0B\f\r]) to one space, as replaceAll("\s+", " ") would
        StringBuilder out = new StringBuilder(cleaned.length());
        boolean pendingSpace = false;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        if (pendingSpace) {
            out.append(' ');
        }
        return out.toString().strip();
    }

    /**
     * Whether {@link #clean} would keep every character and no white space needs collapsing
     * ({@link #isAllowed} and {@link #isCollapsed} both true), in one pass.
     */
    private static boolean isPlainLine(String text) {
        int n = text.length();
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                space = false; // printable ASCII, most of any text: two comparisons
            } else if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < ' ' || Character.isSurrogate(c) || !allowed(c)) {
                return false; // a control (tab and line breaks included: they collapse), or a code point clean drops
            } else {
                space = false;
            }
        }
        return true;
    }

    /** Whether no run of white space needs collapsing: no tab, line break, VT or FF, and no two spaces in a row. */
    private static boolean isCollapsed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' && (c != ' ' || (i > 0 && text.charAt(i - 1) == ' '))
                    && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r')) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #line} but an absent or blank value becomes {@code null}. */
    static String optional(String text) {
        String line = line(text);
        return line == null || line.isEmpty() ? null : line;
    }

    /** The text without code points that HTML and XML forbid; white space is kept. */
    static String clean(String text) {
        if (isAllowed(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (allowed(cp) && !(width == 1 && Character.isSurrogate(text.charAt(i)))) {
                out.appendCodePoint(cp);
            } else if (cp == '\u000B' || cp == '\u000C') {
                out.append(' ');
            }
            i += width;
        }
        return out.toString();
    }

    /** Shortens to at most {@code max} characters at a word boundary, ending in an ellipsis. */
    static String teaser(String text, int max) {
        String line = line(text);
        if (line == null || line.length() <= max) {
            return line;
        }
        int cut = line.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return withoutTail(line.substring(0, cut)) + "\u2026";
    }

    /**
     * The text without its trailing run of white space and punctuation ({@code [\s,;:.–—-]}), as
     * {@code replaceAll("[\s,;:.–—-]+$", "")} would have it, without a regex: including that
     * {@code $} also matches before a final line terminator, so a run just before one goes and the
     * terminator stays.
     */
    static String withoutTail(String text) {
        int end = text.length();
        if (end > 0 && (text.charAt(end - 1) == '\u0085' || text.charAt(end - 1) == '\u2028' || text.charAt(end - 1) == '\u2029')) {
            end--;
        }
        int cut = end;
        while (cut > 0 && isTail(text.charAt(cut - 1))) {
            cut--;
        }
        return cut == end ? text : text.substring(0, cut) + text.substring(end);
    }

    private static boolean isTail(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ',' || c == ';'
                || c == ':' || c == '.' || c == '\u2013' || c == '\u2014' || c == '-';
    }

    /** Whether {@link #clean} would keep every character (no surrogates at all, to keep the check simple). */
    private static boolean isAllowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            if (Character.isSurrogate(c) || !allowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return false;
        }
        if (cp >= 0xFDD0 && cp <= 0xFDEF) {
            return false;
        }
        return (cp & 0xFFFE) != 0xFFFE;
    }
}
