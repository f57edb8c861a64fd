package io.broadsheet.core.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * An article's sentences tokenised once, shared by every analysis step (vectors, aspects,
 * sentiment). Each token is a position in its sentence and a number for its spelling: the
 * distinct spellings ({@linkplain #form forms}) are interned per article, so whatever a step
 * looks up about a word (its lower case, its term, its lexicon entry) it looks up once per
 * spelling, not once per occurrence, and no string is allocated for a repeated word.
 *
 * <p>Tokens are those of {@link Words#tokens}: runs of letters and digits, with inner apostrophes
 * and hyphens before a letter ("don't", "co-operate").
 */
final class ArticleText {

    /** One distinct spelling in the article. */
    static final class Form {
        /** As written. */
        final String text;
        /** {@link Words#lower} of the text. */
        final String lower;

        Form(String text, String lower) {
            this.text = text;
            this.lower = lower;
        }
    }

    private final List<String> sentences;
    /** {@link Words#count} of each sentence, -1 until asked for. */
    private final int[] wordCounts;
    /** Tokens of sentence s are first[s] .. first[s + 1] - 1. */
    private final int[] first;
    private int[] form = new int[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int tokenCount;
    private Form[] forms = new Form[128];
    private int formCount;
    /** Open addressing over the forms' text: slot holds form id + 1, 0 when empty. */
    private int[] slots = new int[256];
    private int[] slotHashes = new int[256];

    ArticleText(List<String> sentences) {
        this.sentences = sentences;
        first = new int[sentences.size() + 1];
        wordCounts = new int[sentences.size()];
        Arrays.fill(wordCounts, -1);
        for (int s = 0; s < sentences.size(); s++) {
            first[s] = tokenCount;
            tokenise(sentences.get(s));
        }
        first[sentences.size()] = tokenCount;
    }

    private void tokenise(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Words.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int from = i;
            int hash = c;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Words.isLetterOrDigit(d)) {
                    hash = 31 * hash + d;
                    i++;
                } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    hash = 31 * (31 * hash + d) + text.charAt(i + 1);
                    i += 2;
                } else {
                    break;
                }
            }
            add(text, from, i, hash);
        }
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
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (slotHashes[slot] == hash) {
                String candidate = forms[entry - 1].text;
                if (candidate.length() == length && text.regionMatches(from, candidate, 0, length)) {
                    return entry - 1;
                }
            }
        }
        int id = formCount++;
        if (id == forms.length) {
            forms = Arrays.copyOf(forms, id * 2);
        }
        String word = text.substring(from, to);
        forms[id] = new Form(word, Words.lower(word));
        if (formCount * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        put(id, hash);
        return id;
    }

    private void put(int id, int hash) {
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
        slotHashes[slot] = hash;
    }

    private void rehash(int capacity) {
        int[] oldSlots = slots;
        int[] oldHashes = slotHashes;
        slots = new int[capacity];
        slotHashes = new int[capacity];
        for (int k = 0; k < oldSlots.length; k++) {
            if (oldSlots[k] != 0) {
                put(oldSlots[k] - 1, oldHashes[k]);
            }
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
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

    /** {@link Words#count} of the sentence, counted once. */
    int wordCount(int s) {
        int count = wordCounts[s];
        if (count < 0) {
            count = wordCounts[s] = Words.count(sentences.get(s));
        }
        return count;
    }

    /** Index of the sentence's first token. */
    int firstToken(int s) {
        return first[s];
    }

    /** One past the index of the sentence's last token. */
    int endToken(int s) {
        return first[s + 1];
    }

    int tokenCount() {
        return tokenCount;
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
}
