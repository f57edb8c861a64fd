package io.broadsheet.core.analysis;

import java.util.ArrayList;
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

    private static final String CLOSERS = "\"'”’)]»";
    private static final String OPENING_QUOTES = "\"'“‘(«[";

    /** Splits every paragraph and returns the sentences of all of them, in order. */
    public List<String> split(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        char[][] buffer = {new char[256]};
        for (String paragraph : paragraphs) {
            split(paragraph, out, buffer);
        }
        return out;
    }

    /** Splits one paragraph into its sentences, each trimmed and as written. */
    public List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        split(paragraph, out, new char[][] {new char[paragraph.length()]});
        return out;
    }

    /** @param buffer holds a scratch array for the paragraph's characters, replaced when too small */
    private static void split(String paragraph, List<String> out, char[][] buffer) {
        String text = paragraph.strip();
        int n = text.length();
        if (buffer[0].length < n) {
            buffer[0] = new char[Math.max(n, buffer[0].length * 2)];
        }
        char[] chars = buffer[0]; // array reads: this loop looks at every character
        text.getChars(0, n, chars, 0);
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                i++;
                continue;
            }
            int termStart = i;
            while (i < n && isTerminator(chars[i])) {
                i++;
            }
            int termEnd = i;
            while (i < n && CLOSERS.indexOf(chars[i]) >= 0) {
                i++;
            }
            int end = i;
            if (i >= n || !Words.isWhitespace(chars[i])) {
                continue; // "3.5", "example.com", "U.S.A" or a period glued to the next word
            }
            int next = i;
            while (next < n && Words.isWhitespace(chars[next])) {
                next++;
            }
            if (next >= n) {
                break;
            }
            if (isBoundary(text, start, termStart, termEnd, end, next)) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
                start = next;
            }
            i = next;
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isBoundary(String text, int start, int termStart, int termEnd, int end, int next) {
        char first = text.charAt(next);
        int wordStart = next;
        while (wordStart < text.length() && OPENING_QUOTES.indexOf(text.charAt(wordStart)) >= 0) {
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
        String run = text.substring(termStart, termEnd);
        if (!run.equals(".") || closedQuote && first != '(') {
            // "!", "?", "...", "…", or a period inside closing quotes: a boundary before a capital
            if (run.equals(".") || run.indexOf('!') >= 0 || run.indexOf('?') >= 0) {
                return true;
            }
            // an ellipsis before a capital ends the sentence unless it trails a title-like word
            return !isTitle(lastToken(text, start, termStart));
        }
        String token = lastToken(text, start, termStart);
        if (token.length() > LONGEST_ABBREVIATION && token.indexOf('.') < 0) {
            return true; // a plain word (lower case never shortens one): no title, abbreviation or initial
        }
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
        while (p > start && !Words.isWhitespace(text.charAt(p - 1)) && OPENING_QUOTES.indexOf(text.charAt(p - 1)) < 0) {
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
