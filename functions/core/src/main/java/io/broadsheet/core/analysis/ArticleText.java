package io.broadsheet.core.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * An article's sentences tokenised once, shared by every analysis step (vectors, aspects,
 * sentiment). Each token is a position in its sentence and a number for its spelling: the
 * distinct spellings ({@linkplain #formOf forms}) are numbered per article, so whatever a step
 * looks up about a word it looks up once per spelling, not once per occurrence.
 *
 * <p>What does not depend on the article (a spelling's lower case, folded term, case shape) is
 * worked out once per JVM: {@link Form}s are shared between articles through a bounded table
 * keyed by the characters themselves, so a word seen before costs no string and no lookup
 * beyond that table.
 *
 * <p>Tokens are those of {@link Words#tokens}: runs of letters and digits, with inner apostrophes
 * and hyphens before a letter ("don't", "co-operate").
 */
final class ArticleText {

    /** A spelling and what the analysis steps need to know about it. Shared between articles; immutable but for a cache. */
    static final class Form {
        /** As written. */
        final String text;
        /** The text's characters, to compare with a token's without going through the string. */
        final char[] chars;
        /** {@link Words#lower} of the text. */
        final String lower;
        /** {@code fold(lower)} when the lower case is an English content word ({@link SentenceVectors#isContent}), else null. */
        final String folded;
        /** Every character a letter ({@link Character#isLetter(char)}). */
        final boolean letters;
        /** {@link LanguageDetector#languagesOf} the lower case. */
        final int languages;
        final int hash;

        Form(String text, int hash) {
            this.text = text;
            this.chars = text.toCharArray();
            this.hash = hash;
            this.lower = Words.lower(text);
            this.folded = SentenceVectors.isContent(lower) ? SentenceVectors.fold(lower) : null;
            boolean all = true;
            for (int i = 0; i < text.length() && all; i++) {
                all = Character.isLetter(text.charAt(i));
            }
            this.letters = all;
            this.languages = LanguageDetector.languagesOf(lower);
        }
    }

    private final List<String> sentences;
    /** {@link Words#count} of each sentence. */
    private final int[] wordCounts;
    /** Tokens of sentence s are first[s] .. first[s + 1] - 1. */
    private final int[] first;
    private int[] form;
    private int[] start;
    private int[] end;
    private int tokenCount;
    private Form[] forms;
    private int formCount;
    /** Open addressing over this article's forms: slot holds form id + 1, 0 when empty. */
    private int[] slots;
    /**
     * Each form's hash, and its characters at pool[poolStart[id], + length): the table compares
     * tokens against these, all in this article's own few arrays, rather than against the shared
     * forms scattered through the heap.
     */
    private int[] formHash;
    private int[] poolStart;
    private int[] formLength;
    private char[] pool;
    private int poolSize;
    private char[] chars = new char[256];

    ArticleText(List<String> sentences) {
        this.sentences = sentences;
        first = new int[sentences.size() + 1];
        wordCounts = new int[sentences.size()];
        // a token is followed by a character that is not in it (or ends the sentence): at most
        // (length + 1) / 2 tokens, so the arrays never grow
        int capacity = 16;
        for (String sentence : sentences) {
            capacity += (sentence.length() + 1) / 2;
        }
        form = new int[capacity];
        start = new int[capacity];
        end = new int[capacity];
        // prose has fewer than one new spelling per 16 characters (a 1,000-word article ~300 in
        // ~6,000), so the form tables rarely grow and rehash; they still do when a text has more
        int formCapacity = Integer.highestOneBit(Math.max(16, capacity / 8)) * 2;
        forms = new Form[formCapacity];
        formHash = new int[formCapacity];
        poolStart = new int[formCapacity];
        formLength = new int[formCapacity];
        slots = new int[formCapacity * 2];
        pool = new char[formCapacity * 8];
        for (int s = 0; s < sentences.size(); s++) {
            first[s] = tokenCount;
            wordCounts[s] = tokenise(sentences.get(s));
        }
        first[sentences.size()] = tokenCount;
        chars = null;
    }

    /**
     * Adds the text's tokens and returns its {@link Words#count}: a word there is a run of non-space
     * characters holding a letter or digit, and every such run holds a token (no token holds a
     * space), so the words are the tokens with a space before them, and the first.
     */
    private int tokenise(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] c = chars;
        text.getChars(0, n, c, 0);
        int words = 0;
        boolean space = true;
        int i = 0;
        while (i < n) {
            char ch = c[i];
            if (!Words.isLetterOrDigit(ch)) {
                space |= Words.isSpace(ch);
                i++;
                continue;
            }
            if (space) {
                words++;
                space = false;
            }
            int from = i;
            long token = scanToken(c, i, n);
            i = (int) token;
            add(text, from, i, (int) (token >>> 32));
        }
        return words;
    }

    /**
     * The token starting at {@code from} (a letter or digit): its end, exclusive, in the low half,
     * and {@link String#hashCode} of its characters in the high half.
     */
    private static long scanToken(char[] c, int from, int n) {
        int hash = c[from];
        int i = from + 1;
        while (i < n) {
            char d = c[i];
            if (Words.isLetterOrDigit(d)) {
                hash = 31 * hash + d;
                i++;
            } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n && Words.isLetter(c[i + 1])) {
                hash = 31 * (31 * hash + d) + c[i + 1];
                i += 2;
            } else {
                break;
            }
        }
        return ((long) hash << 32) | i;
    }

    /** Gives each token of the text to the action as its shared form, in order; no string for a spelling seen before. */
    static void forEachForm(String text, java.util.function.Consumer<Form> action) {
        forEachForm(text, null, action);
    }

    /**
     * As {@link #forEachForm(String, java.util.function.Consumer)}, finding the spellings this article
     * has first in its own table. Where the text holds the article's next sentence whole, between
     * white space (as an article's opening does), that sentence's tokens are already known: they
     * are given without scanning it again.
     */
    void forEachKnownForm(String text, java.util.function.Consumer<Form> action) {
        char[] c = text.toCharArray();
        int from = 0;
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            int at = text.indexOf(sentence, from);
            int after = at + sentence.length();
            if (at < 0 || (at > 0 && !Words.isWhitespace(c[at - 1])) || (after < c.length && !Words.isWhitespace(c[after]))) {
                break;
            }
            forEachForm(c, from, at, this, action);
            for (int t = first[s]; t < first[s + 1]; t++) {
                action.accept(forms[form[t]]);
            }
            from = after;
        }
        forEachForm(c, from, c.length, this, action);
    }

    private static void forEachForm(String text, ArticleText known, java.util.function.Consumer<Form> action) {
        char[] c = text.toCharArray();
        forEachForm(c, 0, c.length, known, action);
    }

    /** The tokens of c[from, n), which must not cut a token (white space or the text's ends around it). */
    private static void forEachForm(char[] c, int from, int n, ArticleText known, java.util.function.Consumer<Form> action) {
        int i = from;
        while (i < n) {
            if (!Words.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            long token = scanToken(c, i, n);
            i = (int) token;
            int hash = (int) (token >>> 32);
            int id = known == null ? -1 : known.find(c, start, i - start, hash);
            action.accept(id >= 0 ? known.forms[id] : Spellings.form(c, start, i, hash));
        }
    }

    /** The id of the form spelled c[from, from + length) in this article, or -1. */
    private int find(char[] c, int from, int length, int hash) {
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask, entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int id = entry - 1;
            if (formHash[id] == hash && formLength[id] == length && pooled(poolStart[id], c, from, length)) {
                return id;
            }
        }
        return -1;
    }

    private void add(String text, int from, int to, int hash) {
        if (tokenCount == form.length) {
            form = Arrays.copyOf(form, tokenCount * 2);
            start = Arrays.copyOf(start, tokenCount * 2);
            end = Arrays.copyOf(end, tokenCount * 2);
        }
        form[tokenCount] = intern(text, from, to, hash);
        start[tokenCount] = from;
        end[tokenCount] = to;
        tokenCount++;
    }

    private int intern(String text, int from, int to, int hash) {
        int mask = slots.length - 1;
        int length = to - from;
        int slot = mix(hash) & mask;
        for (int entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int id = entry - 1;
            if (formHash[id] == hash && formLength[id] == length && pooled(poolStart[id], chars, from, length)) {
                return id;
            }
        }
        int id = formCount++;
        if (id == forms.length) {
            forms = Arrays.copyOf(forms, id * 2);
            formHash = Arrays.copyOf(formHash, id * 2);
            poolStart = Arrays.copyOf(poolStart, id * 2);
            formLength = Arrays.copyOf(formLength, id * 2);
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(chars, from, pool, poolSize, length);
        formHash[id] = hash;
        poolStart[id] = poolSize;
        formLength[id] = length;
        poolSize += length;
        forms[id] = Spellings.form(chars, from, to, hash);
        slots[slot] = id + 1;
        if (formCount * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    /** Whether the pooled form at {@code start} has the token's characters (its length already matched). */
    private boolean pooled(int start, char[] c, int from, int length) {
        char[] p = pool;
        for (int k = 0; k < length; k++) {
            if (p[start + k] != c[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the chars at {@code from} spell the word (its length already matched). */
    private static boolean spells(char[] word, char[] c, int from) {
        for (int k = 0; k < word.length; k++) {
            if (c[from + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < formCount; id++) {
            int slot = mix(formHash[id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id of the form spelled exactly so in this article, or -1. */
    int formId(String word) {
        int hash = word.hashCode();
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask, entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            Form candidate = forms[entry - 1];
            if (candidate.hash == hash && candidate.text.equals(word)) {
                return entry - 1;
            }
        }
        return -1;
    }

    List<String> sentences() {
        return sentences;
    }

    int sentenceCount() {
        return sentences.size();
    }

    String sentence(int s) {
        return sentences.get(s);
    }

    /** {@link Words#count} of the sentence. */
    int wordCount(int s) {
        return wordCounts[s];
    }

    /** Index of the sentence's first token. */
    int firstToken(int s) {
        return first[s];
    }

    /** One past the index of the sentence's last token. */
    int endToken(int s) {
        return first[s + 1];
    }

    /** The form id of a token. */
    int form(int token) {
        return form[token];
    }

    /** Where the token starts in its sentence. */
    int start(int token) {
        return start[token];
    }

    /** Where the token ends (exclusive) in its sentence. */
    int end(int token) {
        return end[token];
    }

    int formCount() {
        return formCount;
    }

    /** A form by id; ids count from 0 in the order the forms first occur. */
    Form formOf(int id) {
        return forms[id];
    }

    /** The lower-case text of a token. */
    String lower(int token) {
        return forms[form[token]].lower;
    }

    /**
     * Every spelling met so far, up to a bound, keyed by its characters: the JVM's shared {@link Form}s.
     * Readers take no lock: a form is immutable and published by a single reference write; a reader
     * that misses one (being added, or in a table since replaced) adds it under the lock, which
     * finds it first.
     */
    private static final class Spellings {
        /** About 10 MB of forms at most; past it new spellings are made per article and not kept. */
        private static final int LIMIT = 1 << 16;
        private static volatile Form[] table = new Form[1 << 12];
        private static int size;

        static Form form(char[] chars, int from, int to, int hash) {
            Form found = find(table, chars, from, to, hash);
            return found != null ? found : add(chars, from, to, hash);
        }

        private static Form find(Form[] forms, char[] chars, int from, int to, int hash) {
            int mask = forms.length - 1;
            for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
                Form candidate = forms[slot];
                if (candidate == null) {
                    return null;
                }
                if (candidate.hash == hash && candidate.chars.length == to - from && spells(candidate.chars, chars, from)) {
                    return candidate;
                }
            }
        }

        private static synchronized Form add(char[] chars, int from, int to, int hash) {
            Form[] forms = table;
            Form found = find(forms, chars, from, to, hash);
            if (found != null) {
                return found;
            }
            Form form = new Form(new String(chars, from, to - from), hash);
            if (size >= LIMIT) {
                return form;
            }
            if ((size + 1) * 2 > forms.length) {
                forms = grown(forms);
            }
            int mask = forms.length - 1;
            int slot = mix(hash) & mask;
            while (forms[slot] != null) {
                slot = (slot + 1) & mask;
            }
            forms[slot] = form;
            size++;
            table = forms;
            return form;
        }

        private static Form[] grown(Form[] forms) {
            Form[] bigger = new Form[forms.length * 2];
            int mask = bigger.length - 1;
            for (Form form : forms) {
                if (form != null) {
                    int slot = mix(form.hash) & mask;
                    while (bigger[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    bigger[slot] = form;
                }
            }
            return bigger;
        }
    }
}
