package io.broadsheet.core.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One normalisation for every format, so equal stories give equal paragraphs whatever they came in. */
final class Texts {

    /** C0/C1 controls (tab and newline are handled as whitespace), zero-width characters, soft hyphen, BOM. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    /** Every kind of horizontal space, the no-break and typographic ones included. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Texts() {
    }

    /** NFC, control characters removed, runs of whitespace (newlines included) collapsed to one space, trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String visible = INVISIBLE.matcher(nfc).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").strip();
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
