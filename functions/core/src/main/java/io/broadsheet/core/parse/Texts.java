package io.broadsheet.core.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One normalisation for every format, so equal stories give equal paragraphs whatever they came in. */
final class Texts {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Texts() {
    }

    /** NFC, control characters removed, runs of whitespace (newlines included) collapsed to one space, trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        // one pass tells both whether the normaliser is needed and whether the text is already clean
        int state = scan(text);
        if (state == 0) {
            return text;
        }
        String nfc = (state & NEEDS_NFC) != 0 ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
        if (nfc == text ? (state & NOT_CLEAN) == 0 : isClean(nfc)) {
            return nfc;
        }
        // one hand-written pass (regexes here were half the parse time): invisible characters are dropped,
        // so they never split a run of spaces; every run of spaces becomes one space
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
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

    /** Whether the pass below would change nothing: no invisible character, only single ' ' spaces, no space at either end. */
    private static boolean isClean(String text) {
        int n = text.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1))) {
            return false;
        }
        boolean previousSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'z') {
                previousSpace = false;
                continue;
            }
            if (isInvisible(c)) {
                return false;
            }
            boolean space = isSpace(c);
            if (space && (c != ' ' || previousSpace)) {
                return false;
            }
            previousSpace = space;
        }
        return true;
    }

    private static final byte PLAIN = 0;
    /** ' ', clean unless it follows another space. */
    private static final byte SPACE = 1;
    /** Tab, line breaks, VT and FF: white space that clean rewrites. */
    private static final byte OTHER_SPACE = 2;
    /** Other controls and DEL, which clean drops. */
    private static final byte INVISIBLE = 3;
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_KIND[c] = c == ' ' ? SPACE : isSpace(c) ? OTHER_SPACE : isInvisible(c) ? INVISIBLE : PLAIN;
        }
    }

    private static final int NEEDS_NFC = 1;
    private static final int NOT_CLEAN = 2;

    /**
     * {@link #NEEDS_NFC} when some character is at or above U+0300 (below it nothing can change or
     * combine under NFC), {@link #NOT_CLEAN} when {@link #isClean} is false; 0 when the text is
     * already what {@link #clean} returns.
     */
    private static int scan(String text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        int state = Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1)) ? NOT_CLEAN : 0;
        boolean previousSpace = false;
        char[] chars = text.toCharArray(); // array reads, about twice as fast here as charAt, copy included
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c > ' ' && c < 0x7F) {
                previousSpace = false; // printable ASCII, most of any text: two comparisons
                continue;
            }
            if (c < 128) {
                // what isInvisible and isSpace make of the rest of ASCII, from a table
                switch (ASCII_KIND[c]) {
                    case PLAIN -> previousSpace = false;
                    case SPACE -> {
                        if (previousSpace) {
                            state |= NOT_CLEAN;
                        }
                        previousSpace = true;
                    }
                    case OTHER_SPACE -> {
                        state |= NOT_CLEAN;
                        previousSpace = true;
                    }
                    default -> {
                        state |= NOT_CLEAN;
                        previousSpace = false;
                    }
                }
                continue;
            }
            if (c >= '\u0300') {
                state |= NEEDS_NFC;
            }
            if (isInvisible(c)) {
                state |= NOT_CLEAN;
            }
            boolean space = isSpace(c);
            if (space && (c != ' ' || previousSpace)) {
                state |= NOT_CLEAN;
            }
            previousSpace = space;
        }
        return state;
    }

    /** C0/C1 controls (tab and newline are handled as whitespace), zero-width characters, soft hyphen, BOM. */
    private static boolean isInvisible(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u00AD' || (c >= '\u200B' && c <= '\u200D')
                || c == '\u2060' || c == '\uFEFF';
    }

    /** Every kind of horizontal space (regex {@code \\s} and the no-break and typographic ones); VT and FF are controls. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /** Like {@link #clean} but keeps line breaks (for line-oriented formats). */
    static String cleanKeepingLines(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(nfc.length());
        for (String line : nfc.split("\n", -1)) {
            out.append(clean(line)).append('\n');
        }
        return out.toString();
    }

    /** The non-blank cleaned values, without a leading {@code #}, without duplicates (case-insensitive), in order. */
    static List<String> tags(Iterable<?> raw) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (Object value : raw) {
            if (value == null) {
                continue;
            }
            String tag = clean(value.toString()).replaceFirst("^#+", "").strip();
            if (!tag.isEmpty() && tag.length() <= 80 && seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Splits a comma (or semicolon) separated tag string. */
    static List<String> splitTags(String value) {
        return value == null ? List.of() : tags(List.of(value.split("[,;]")));
    }

    /** A form for comparing headings: compatibility-normalised, lower case, letters and digits only. */
    static String comparable(String text) {
        String nfkc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        return NOT_WORD.matcher(nfkc).replaceAll("");
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = clean(value);
        return cleaned.isEmpty() ? null : cleaned;
    }
}
