package io.broadsheet.core.analysis;

/** Cuts a long sentence down to the clause around a position, on clause punctuation, verbatim. */
final class Clauses {

    private Clauses() {
    }

    /**
     * The clause (between ",", ";", ":", "—" or the sentence's ends) that contains {@code at},
     * widened over neighbouring clauses while it stays within {@code max} characters and is shorter
     * than a few words; cut at a word boundary when even the clause is too long.
     */
    static String around(String sentence, int at, int max) {
        int start = boundaryBefore(sentence, at);
        int end = boundaryAfter(sentence, at);
        while (words(sentence, start, end) < 6) {
            int widerStart = start > 0 ? boundaryBefore(sentence, start - 2) : start;
            int widerEnd = end < sentence.length() ? boundaryAfter(sentence, end + 1) : end;
            if (widerEnd - widerStart > max || (widerStart == start && widerEnd == end)) {
                break;
            }
            start = widerStart;
            end = widerEnd;
        }
        if (end - start > max) {
            int cut = sentence.lastIndexOf(' ', start + max);
            end = cut > start ? cut : start + max;
        }
        return sentence.substring(start, end).strip();
    }

    private static boolean isClausePunctuation(char c) {
        return c == ',' || c == ';' || c == ':' || c == '—' || c == '–';
    }

    private static int boundaryBefore(String s, int at) {
        for (int i = Math.min(at, s.length()) - 1; i >= 0; i--) {
            if (isClausePunctuation(s.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int boundaryAfter(String s, int at) {
        for (int i = Math.max(at, 0); i < s.length(); i++) {
            if (isClausePunctuation(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    private static int words(String s, int start, int end) {
        return Words.count(s.substring(start, end));
    }
}
