package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small word-level helpers shared by the analysis steps: tokenizing and English stop words. */
final class Words {

    /** Function words that carry no topic; used by keywords, highlights and insights. */
    static final Set<String> STOP_WORDS = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(List.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
            "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
            "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
            "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
            "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
            "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
            "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
            "yourself", "said", "says", "say", "told", "according", "one", "two", "three", "new", "last", "first",
            "year", "years", "week", "weeks", "month", "months", "day", "days", "time", "may", "might", "must",
            "many", "much", "people", "like", "make", "made", "get", "got", "still", "even", "well", "back",
            "since", "around", "however", "although", "though", "yet", "already", "including", "per", "cent",
            "percent", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday", "tomorrow", "there's", "it's", "that's",
            "don't", "didn't", "can't", "won't", "isn't", "wasn't", "he's", "she's", "they're", "we're",
            "i'm", "you're", "let", "want", "put", "take", "took", "go", "went", "come", "came", "see", "saw",
            "know", "think", "way", "part", "set", "whether", "another", "every", "next", "near", "via")));

    private Words() {
    }

    /** Lower-case word tokens (letters, digits, inner apostrophes and hyphens). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isLetterOrDigit(text.charAt(i))) {
                int start = i;
                i = tokenEnd(text, i);
                out.add(lower(text, start, i));
            } else {
                i++;
            }
        }
        return out;
    }

    /** Where the token that starts at {@code start} (a letter or digit) ends, exclusive. */
    static int tokenEnd(String text, int start) {
        int n = text.length();
        int i = start + 1;
        while (i < n) {
            char d = text.charAt(i);
            if (isLetterOrDigit(d)) {
                i++;
            } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** {@link Character#isLetterOrDigit(char)} with the ASCII answer computed inline (tokenising calls it for every character). */
    static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_KIND[c & 0x7f] == ALNUM : Character.isLetterOrDigit(c);
    }

    /** {@link Character#isLetter(char)}, ASCII answered inline. */
    static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    /** {@link Character#isUpperCase(char)}, ASCII answered inline. */
    static boolean isUpperCase(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    /** {@link Character#isWhitespace(char)}, ASCII answered inline. */
    static boolean isWhitespace(char c) {
        return c < 128 ? c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) : Character.isWhitespace(c);
    }

    /** The lower-case form of text[start, end), allocating nothing beyond the substring when it is already lower case. */
    static String lower(String text, int start, int end) {
        return lower(text.substring(start, end));
    }

    /** The lower-case form of a word token, the word itself when it is already lower case. */
    static String lower(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c) || c == '’') {
                return word.replace('’', '\'').toLowerCase(Locale.ROOT);
            }
        }
        return word;
    }

    /** Words in the text, counted the way a reader would: runs of non-space characters with a letter or digit. */
    static int count(String text) {
        int words = 0;
        boolean inWord = false;
        boolean hasAlnum = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int kind = c < 128 ? ASCII_KIND[c & 0x7f]
                    : Character.isWhitespace(c) || c == '\u00a0' ? SPACE : Character.isLetterOrDigit(c) ? ALNUM : OTHER;
            if (kind == SPACE) {
                if (inWord && hasAlnum) {
                    words++;
                }
                inWord = false;
                hasAlnum = false;
            } else {
                inWord = true;
                hasAlnum |= kind == ALNUM;
            }
        }
        return inWord && hasAlnum ? words + 1 : words;
    }

    /** Whether {@link #count} takes the character for space between words. */
    static boolean isSpace(char c) {
        return c < 128 ? ASCII_KIND[c & 0x7f] == SPACE : Character.isWhitespace(c) || c == '\u00a0';
    }

    private static final byte OTHER = 0;
    private static final byte SPACE = 1;
    private static final byte ALNUM = 2;
    /**
     * What {@link #count} makes of each ASCII character: space (' ', tab to carriage return), letter or
     * digit, other. Indexed with {@code c & 0x7f} after {@code c < 128}: the mask lets the JIT drop the
     * bounds check it does not derive from the comparison (two instructions a character when tokenising).
     */
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_KIND[c] = c == ' ' || (c >= 9 && c <= 13) ? SPACE
                    : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? ALNUM : OTHER;
        }
    }

    static boolean isStopWord(String lowerWord) {
        return STOP_WORDS.contains(lowerWord);
    }
}
