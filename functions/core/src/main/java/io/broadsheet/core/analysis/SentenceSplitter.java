package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based sentence splitter for English prose. A boundary is a run of '.', '!', '?' or '…',
 * then any closing quotes or brackets, then white space, then something that can start a sentence.
 * A period does not end a sentence after a title ("Mr.", "Dr."), an initial ("J. R. R. Tolkien"),
 * a month before a number ("Jan. 5") or "No. 3"; after other abbreviations ("U.S.", "Inc.",
 * "e.g.") it does only when the next word is one that typically starts a sentence ("The", "He").
 * Decimals, URLs and e-mail addresses never contain a period followed by white space, so they are
 * kept whole by construction.
 *
 * <p>Written rather than taken from ICU4J (14 MB, too heavy for a Lambda jar) or OpenNLP (needs a
 * model download); measured by {@code SentenceEvaluation} on our own tricky cases.
 */
public final class SentenceSplitter {

    /** Never end a sentence: they announce a name or a number. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "rev", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt",
            "cmdr", "adm", "maj", "hon", "pres", "supt", "insp", "det", "fr", "sr", "st", "mt", "messrs", "mme",
            "mlle", "vs", "cf", "viz", "ca", "approx", "vol", "pp", "dept", "ave", "blvd", "hwy");

    /** Usually not the end, but can be: split only when a typical sentence opener follows. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "etc", "al", "mins", "hrs", "hr", "sq",
            "km", "kg", "oz", "lb", "lbs", "yr", "yrs", "govt", "intl", "natl", "assn", "univ", "dist", "tel",
            "ext", "mgr", "esp", "incl", "misc", "fig", "figs", "ft", "rd", "nos", "sec", "ed", "eds",
            "est", "para", "ch", "eq", "op", "art");

    /** Month and day abbreviations: abbreviations only when capitalised ("Sun." but not "the sun."). */
    private static final Set<String> CALENDAR = Set.of(
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
            "tues", "wed", "thu", "thurs", "fri", "sat", "sun");

    /** Words that usually open a sentence; after an ambiguous abbreviation they signal a boundary. */
    private static final Set<String> OPENERS = Set.of(
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
            "there", "but", "and", "so", "yet", "in", "on", "at", "for", "after", "before", "when", "while",
            "if", "as", "its", "his", "her", "their", "our", "my", "then", "however", "meanwhile", "still",
            "now", "some", "many", "most", "all", "one", "no", "not", "what", "why", "how", "who", "where",
            "last", "next", "earlier", "later", "today", "yesterday", "although", "though", "since", "by",
            "with", "from", "to", "officials", "analysts", "critics", "shares", "both", "each", "such",
            "also", "even", "instead", "nor", "or", "despite", "other", "several", "few", "during", "under",
            "over", "until", "about", "more", "only");

    /** The longest title, abbreviation or month: a longer word without periods is none of them. */
    private static final int LONGEST_ABBREVIATION = java.util.stream.Stream.of(TITLES, ABBREVIATIONS, CALENDAR, Set.of("nos"))
            .flatMap(Set::stream).mapToInt(String::length).max().orElse(0);

    /**
     * Every title, abbreviation and calendar word, and "no", packed by {@link #packed}, sorted: a
     * word that is none of them and has no period ends the sentence, which is known without
     * building a string for it (most sentences end in such a word).
     */
    private static final long[] SPECIAL = java.util.stream.Stream.of(TITLES, ABBREVIATIONS, CALENDAR, Set.of("no", "nos"))
            .flatMap(Set::stream).mapToLong(word -> packed(word, 0, word.length())).sorted().toArray();

    private static final char[] TERMINATORS = {'.', '!', '?', '…'};

    /** Splits every paragraph and returns the sentences of all of them, in order. */
    public List<String> split(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        int[] next = new int[TERMINATORS.length];
        for (String paragraph : paragraphs) {
            split(paragraph, out, next);
        }
        return out;
    }

    /** Splits one paragraph into its sentences, each trimmed and as written. */
    public List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        split(paragraph, out, new int[TERMINATORS.length]);
        return out;
    }

    /** @param next scratch for {@link #nextTerminator}, of {@code TERMINATORS.length} */
    private static void split(String paragraph, List<String> out, int[] next) {
        String text = paragraph.strip();
        int n = text.length();
        Arrays.fill(next, -1);
        int start = 0;
        int i = 0;
        while (i < n) {
            i = nextTerminator(text, i, next);
            if (i >= n) {
                break;
            }
            int termStart = i;
            while (i < n && isTerminator(text.charAt(i))) {
                i++;
            }
            int termEnd = i;
            while (i < n && isCloser(text.charAt(i))) {
                i++;
            }
            int end = i;
            if (i >= n || !Words.isWhitespace(text.charAt(i))) {
                continue; // "3.5", "example.com", "U.S.A" or a period glued to the next word
            }
            int following = i;
            while (following < n && Words.isWhitespace(text.charAt(following))) {
                following++;
            }
            if (following >= n) {
                break;
            }
            if (isBoundary(text, start, termStart, termEnd, end, following)) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
                start = following;
            }
            i = following;
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    /**
     * Where the first terminator at or after {@code from} is, or the text's length. {@code next[k]}
     * remembers where {@code TERMINATORS[k]} next occurs (the length when it does not, -1 before the
     * first search): each is searched for with the vectorised {@link String#indexOf(int, int)}, and
     * again only once passed, rather than testing every character four times.
     */
    private static int nextTerminator(String text, int from, int[] next) {
        int first = text.length();
        for (int k = 0; k < TERMINATORS.length; k++) {
            if (next[k] < from) {
                int at = text.indexOf(TERMINATORS[k], from);
                next[k] = at < 0 ? text.length() : at;
            }
            first = Math.min(first, next[k]);
        }
        return first;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /** Closing quotes and brackets, kept with the sentence they close. */
    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
    }

    private static boolean isOpeningQuote(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '«' || c == '[';
    }

    private static boolean isBoundary(String text, int start, int termStart, int termEnd, int end, int next) {
        char first = text.charAt(next);
        int wordStart = next;
        while (wordStart < text.length() && isOpeningQuote(text.charAt(wordStart))) {
            wordStart++;
        }
        if (wordStart >= text.length()) {
            return false;
        }
        char firstLetter = text.charAt(wordStart);
        boolean upperNext = Words.isUpperCase(firstLetter) || Character.isDigit(firstLetter)
                || (wordStart > next && Character.isLetter(firstLetter) && !Character.isLowerCase(firstLetter));
        if (!upperNext) {
            // "'Go!' he said", "the U.S. economy", "... and then": lower case continues the sentence
            return false;
        }
        boolean closedQuote = end > termEnd;
        boolean period = termEnd - termStart == 1 && text.charAt(termStart) == '.';
        if (!period || closedQuote && first != '(') {
            // "!", "?", "...", "…", or a period inside closing quotes: a boundary before a capital
            if (period || holds(text, termStart, termEnd, '!') || holds(text, termStart, termEnd, '?')) {
                return true;
            }
            // an ellipsis before a capital ends the sentence unless it trails a title-like word
            return !isTitle(lastToken(text, start, termStart));
        }
        if (endsInPlainWord(text, start, termStart)) {
            return true;
        }
        String token = lastToken(text, start, termStart);
        String lower = token.toLowerCase(Locale.ROOT);
        String nextWord = firstWord(text, wordStart);
        boolean opener = OPENERS.contains(nextWord.toLowerCase(Locale.ROOT));
        if (isTitle(token)) {
            return false;
        }
        if (token.length() == 1 && Words.isUpperCase(token.charAt(0))) {
            // an initial ("J. R. R. Tolkien", "John F. Kennedy"), unless a sentence opener follows ("vitamin C. The")
            return opener && !precededByInitial(text, termStart);
        }
        if (token.length() == 1 && Character.isDigit(token.charAt(0)) && isListMarker(text, start, termStart)) {
            return false; // "1. The first point" at the start of a paragraph
        }
        boolean calendar = CALENDAR.contains(lower) && Words.isUpperCase(token.charAt(0));
        if ((calendar || lower.equals("no") || lower.equals("nos"))
                && !nextWord.isEmpty() && Character.isDigit(nextWord.charAt(0))) {
            return false; // "Jan. 5", "No. 10"
        }
        if (calendar || ABBREVIATIONS.contains(lower) || isDottedAbbreviation(token)) {
            return opener;
        }
        return true;
    }

    /**
     * Whether the word before the period at {@code termStart} ({@link #lastToken}) certainly ends the
     * sentence: no period in it, not a single capital or digit and, in lower case, no title,
     * abbreviation, calendar word or "no". Answered from {@link #SPECIAL} for ASCII words of up to
     * {@link #LONGEST_ABBREVIATION} characters, and longer ones without a period are plain (lower
     * case never shortens one); any other word is left to the full rules. One pass back over the word, letters taken at a glance.
     */
    private static boolean endsInPlainWord(String text, int start, int termStart) {
        int from = termStart;
        boolean period = false;
        boolean ascii = true;
        while (from > start) {
            char c = text.charAt(from - 1);
            if (!isAsciiLetter(c)) {
                if (Words.isWhitespace(c) || isOpeningQuote(c)) {
                    break;
                }
                period |= c == '.';
                ascii &= c < 128;
            }
            from--;
        }
        int length = termStart - from;
        if (length > LONGEST_ABBREVIATION || period || !ascii) {
            return length > LONGEST_ABBREVIATION && !period;
        }
        if (length == 1 && (Words.isUpperCase(text.charAt(from)) || Character.isDigit(text.charAt(from)))) {
            return false;
        }
        return Arrays.binarySearch(SPECIAL, packed(text, from, termStart)) < 0;
    }

    private static boolean isAsciiLetter(char c) {
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'z';
    }

    /** An ASCII word of up to 7 characters as a number: its lower-case characters a byte each, then its length. */
    private static long packed(String word, int from, int to) {
        long key = 0;
        for (int k = from; k < to; k++) {
            char c = word.charAt(k);
            key = key << 8 | (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return key << 8 | (to - from);
    }

    private static boolean holds(String text, int from, int to, char c) {
        int at = text.indexOf(c, from);
        return at >= 0 && at < to;
    }

    private static boolean isTitle(String token) {
        return TITLES.contains(token.toLowerCase(Locale.ROOT));
    }

    /** "U.S", "e.g", "a.m", "Ph.D": letters separated by periods. "example.com" is not one. */
    private static boolean isDottedAbbreviation(String token) {
        if (token.indexOf('.') < 0) {
            return false;
        }
        for (String part : token.split("\\.")) {
            if (part.length() > 2 || part.isEmpty() || !Character.isLetter(part.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean precededByInitial(String text, int termStart) {
        // "J. R. R. Tolkien": the letter before this initial was itself an initial ("R. R.")
        int p = termStart - 2;
        return p >= 2 && text.charAt(p) == ' ' && text.charAt(p - 1) == '.' && Character.isUpperCase(text.charAt(p - 2))
                && (p - 3 < 0 || !Character.isLetter(text.charAt(p - 3)));
    }

    private static boolean isListMarker(String text, int start, int termStart) {
        return text.substring(start, termStart).strip().length() <= 2;
    }

    /** The word just before the terminator, without leading punctuation, keeping inner periods ("U.S"). */
    private static String lastToken(String text, int start, int termStart) {
        int p = termStart;
        while (p > start && !Words.isWhitespace(text.charAt(p - 1)) && !isOpeningQuote(text.charAt(p - 1))) {
            p--;
        }
        return text.substring(p, termStart);
    }

    private static String firstWord(String text, int from) {
        int p = from;
        while (p < text.length() && (Words.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '\'')) {
            p++;
        }
        return text.substring(from, p);
    }
}
