package io.broadsheet.core.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * TF-IDF vectors of an article's sentences over their content words (stop words dropped, plurals
 * folded), with the article's own sentences as the document collection. Built once per article and
 * shared by highlights, insights and keywords. Terms are numbered so that a vector is a sorted
 * array and a cosine is a merge of two arrays.
 */
final class SentenceVectors {

    private final ArticleText text;
    private final Set<String> extraStopWords;
    /** Term ids by folded term: open addressing, slot holds id + 1 (0 empty); the term itself is names[id]. */
    private int[] idSlots = new int[512];
    private int termCount;
    /** The folded term of each id. */
    private String[] names = new String[256];
    private int[] documentFrequency = new int[256];
    private int[] termFrequency = new int[256];
    /** Per sentence, the term id of each token in order, or -1 where the token is not a content word. */
    private final int[][] sequences;
    private final int[][] terms;
    private final float[][] weights;
    private final float[] norms;
    /** {@link #idf(int)} of each term. */
    private final float[] idf;
    private final float[] sums;
    private final int sentenceCount;

    SentenceVectors(List<String> sentences) {
        this(new ArticleText(sentences), "en");
    }

    /** @param language the article's language: its function words are dropped as well as English ones */
    SentenceVectors(ArticleText text, String language) {
        this.text = text;
        extraStopWords = LanguageDetector.functionWords(language.equals("en") ? "" : language);
        sentenceCount = text.sentenceCount();
        // each distinct spelling is judged and folded once; forms are numbered in order of first
        // occurrence, so visiting them in order numbers the terms in order of first occurrence too
        int[] termOfForm = new int[text.formCount()];
        for (int f = 0; f < termOfForm.length; f++) {
            ArticleText.Form form = text.formOf(f);
            // a content word for this article: an English one (form.folded is set exactly for those)
            // that is not a function word of the article's language either
            // (an English article has no extra ones: the empty set is not asked, ~30 instructions a form)
            termOfForm[f] = form.folded != null && (extraStopWords.isEmpty() || !extraStopWords.contains(form.lower))
                    ? id(form.folded) : -1;
        }
        terms = new int[sentenceCount][];
        sequences = new int[sentenceCount][];
        weights = new float[sentenceCount][];
        // per term: the last sentence (+ 1) that used it and how often it did there
        int[] lastSentence = new int[termCount];
        int[] tally = new int[termCount];
        int[] unique = new int[64];
        for (int s = 0; s < sentenceCount; s++) {
            int firstToken = text.firstToken(s);
            int length = text.endToken(s) - firstToken;
            if (unique.length < length) {
                unique = new int[length];
            }
            int[] sequence = new int[length];
            int u = 0;
            for (int k = 0; k < length; k++) {
                int id = termOfForm[text.form(firstToken + k)];
                sequence[k] = id;
                if (id >= 0) {
                    if (lastSentence[id] != s + 1) {
                        lastSentence[id] = s + 1;
                        tally[id] = 0;
                        unique[u++] = id;
                    }
                    tally[id]++;
                }
            }
            sequences[s] = sequence;
            sortSmall(unique, u);
            // each term's count here, made its weight below
            float[] w = new float[u];
            for (int k = 0; k < u; k++) {
                int id = unique[k];
                w[k] = tally[id];
                documentFrequency[id]++;
                termFrequency[id] += tally[id];
            }
            terms[s] = Arrays.copyOf(unique, u);
            weights[s] = w;
        }
        norms = new float[sentenceCount];
        sums = new float[sentenceCount];
        idf = new float[termCount];
        // idf depends on the term only through its sentence count, mostly 1 or 2: one logarithm per count
        float[] idfByFrequency = new float[sentenceCount + 1];
        for (int t = 0; t < idf.length; t++) {
            int df = documentFrequency[t];
            if (idfByFrequency[df] == 0f) {
                idfByFrequency[df] = idf(df);
            }
            idf[t] = idfByFrequency[df];
        }
        for (int s = 0; s < sentenceCount; s++) {
            float[] w = weights[s];
            float norm = 0f;
            float sum = 0f;
            for (int k = 0; k < w.length; k++) {
                w[k] = w[k] * idf[terms[s][k]];
                norm += w[k] * w[k];
                sum += w[k];
            }
            norms[s] = (float) Math.sqrt(norm);
            sums[s] = sum;
        }
    }

    /** Sorts a[0, n): by insertion when short, as a sentence's distinct terms are; {@link Arrays#sort} beyond. */
    private static void sortSmall(int[] a, int n) {
        if (n > 32) {
            Arrays.sort(a, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private int id(String term) {
        int slot = slotOf(term);
        if (idSlots[slot] != 0) {
            return idSlots[slot] - 1;
        }
        int next = termCount++;
        idSlots[slot] = next + 1;
        if (next == names.length) {
            names = Arrays.copyOf(names, next * 2);
        }
        names[next] = term;
        if (next == documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, next * 2);
            termFrequency = Arrays.copyOf(termFrequency, next * 2);
        }
        if (termCount * 2 > idSlots.length) {
            int[] old = idSlots;
            idSlots = new int[old.length * 2];
            for (int entry : old) {
                if (entry != 0) {
                    idSlots[slotOf(names[entry - 1])] = entry;
                }
            }
        }
        return next;
    }

    /** The slot that holds the term, or the empty slot where it would go. */
    private int slotOf(String term) {
        int mask = idSlots.length - 1;
        int slot = ArticleText.mix(term.hashCode()) & mask;
        for (int entry; (entry = idSlots[slot]) != 0; slot = (slot + 1) & mask) {
            if (names[entry - 1].equals(term)) {
                return slot;
            }
        }
        return slot;
    }

    /** The tokenised sentences these vectors were built from. */
    ArticleText text() {
        return text;
    }

    /** Term ids of the sentence's tokens in order, -1 for tokens that are not content words. */
    int[] sequence(int sentence) {
        return sequences[sentence];
    }

    /** The id of a folded term, or -1 when the article does not use it as a content word. */
    int termId(String folded) {
        int entry = idSlots[slotOf(folded)];
        return entry - 1;
    }

    /** The folded term with this id: {@code fold(token)} for every token whose sequence entry is {@code id}. */
    String term(int id) {
        return names[id];
    }

    /** How many distinct terms there are; ids run from 0 to this, exclusive. */
    int termCount() {
        return termCount;
    }

    /** How often the term with this id occurs. */
    int termFrequency(int id) {
        return termFrequency[id];
    }

    static boolean isContent(String token) {
        return token.length() > 2 && Character.isLetter(token.charAt(0)) && !Words.isStopWord(token);
    }

    /** Folds simple plurals so "tram" and "trams" count as one term. */
    static String fold(String token) {
        int n = token.length();
        if (n > 4 && token.endsWith("ies")) {
            return token.substring(0, n - 3) + "y";
        }
        if (n > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")) {
            return token.substring(0, n - 1);
        }
        return token;
    }

    private float idf(int df) {
        return (float) Math.log((sentenceCount + 1.0) / (df + 0.5));
    }

    /** Inverse sentence frequency of the term with this id. */
    float idfOf(int id) {
        return idf[id];
    }

    /** Sum of the sentence's TF-IDF weights: how much distinctive content it carries. */
    float weight(int sentence) {
        return sums[sentence];
    }

    float cosine(int a, int b) {
        if (norms[a] == 0f || norms[b] == 0f) {
            return 0f;
        }
        int[] ta = terms[a];
        int[] tb = terms[b];
        float[] wa = weights[a];
        float[] wb = weights[b];
        float dot = 0f;
        int i = 0;
        int j = 0;
        while (i < ta.length && j < tb.length) {
            if (ta[i] == tb[j]) {
                dot += wa[i++] * wb[j++];
            } else if (ta[i] < tb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (norms[a] * norms[b]);
    }

    /**
     * The cosines of every pair among the first {@code n} sentences: {@code into[a][b] = cosine(a, b)}
     * for a < b, the same floats bit for bit. Each term's sentences are listed once; a sentence then
     * adds its products only to the later sentences that share a term with it, term by term in
     * increasing order, which is the order the merge in {@link #cosine} adds them in (pairs that
     * share nothing stay 0, as the merge leaves them).
     */
    void cosines(int n, float[][] into) {
        // postings: for each term, the sentences below n that use it, in order, with their weights
        int[] start = new int[termCount() + 1];
        for (int s = 0; s < n; s++) {
            for (int t : terms[s]) {
                start[t + 1]++;
            }
        }
        for (int t = 0; t < start.length - 1; t++) {
            start[t + 1] += start[t];
        }
        int[] fill = Arrays.copyOf(start, start.length - 1);
        int[] sentence = new int[start[start.length - 1]];
        float[] weight = new float[sentence.length];
        int[][] at = new int[n][];
        for (int s = 0; s < n; s++) {
            int[] ts = terms[s];
            at[s] = new int[ts.length];
            for (int k = 0; k < ts.length; k++) {
                int slot = fill[ts[k]]++;
                sentence[slot] = s;
                weight[slot] = weights[s][k];
                at[s][k] = slot;
            }
        }
        for (int a = 0; a < n; a++) {
            float[] dot = into[a];
            int[] ta = terms[a];
            float[] wa = weights[a];
            for (int k = 0; k < ta.length; k++) {
                float w = wa[k];
                // the postings after a's own entry are the later sentences with this term
                for (int p = at[a][k] + 1, end = start[ta[k] + 1]; p < end; p++) {
                    dot[sentence[p]] += w * weight[p];
                }
            }
            for (int b = a + 1; b < n; b++) {
                dot[b] = norms[a] == 0f || norms[b] == 0f ? 0f : dot[b] / (norms[a] * norms[b]);
            }
        }
    }
}
