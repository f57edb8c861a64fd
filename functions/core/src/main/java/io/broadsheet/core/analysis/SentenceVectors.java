package io.broadsheet.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of an article's sentences over their content words (stop words dropped, plurals
 * folded), with the article's own sentences as the document collection. Built once per article and
 * shared by highlights, insights and keywords. Terms are numbered so that a vector is a sorted
 * array and a cosine is a merge of two arrays.
 */
final class SentenceVectors {

    private final Set<String> extraStopWords;
    private final Map<String, Integer> ids = new HashMap<>();
    /** The folded term of each id. */
    private String[] names = new String[256];
    private int[] documentFrequency = new int[256];
    private int[] termFrequency = new int[256];
    private final List<List<String>> tokens;
    /** Per sentence, the term id of each token in order, or -1 where the token is not a content word. */
    private final int[][] sequences;
    private final int[][] terms;
    private final float[][] weights;
    private final float[] norms;
    private final float[] sums;
    private final int sentenceCount;

    SentenceVectors(List<String> sentences) {
        this(sentences, "en");
    }

    /** @param language the article's language: its function words are dropped as well as English ones */
    SentenceVectors(List<String> sentences, String language) {
        extraStopWords = LanguageDetector.functionWords(language.equals("en") ? "" : language);
        sentenceCount = sentences.size();
        terms = new int[sentenceCount][];
        tokens = new java.util.ArrayList<>(sentenceCount);
        sequences = new int[sentenceCount][];
        int[][] counts = new int[sentenceCount][];
        for (int s = 0; s < sentenceCount; s++) {
            List<String> sentenceTokens = Words.tokens(sentences.get(s));
            tokens.add(sentenceTokens);
            int[] buffer = new int[sentenceTokens.size()];
            int[] sequence = new int[sentenceTokens.size()];
            int size = 0;
            for (int k = 0; k < sequence.length; k++) {
                String token = sentenceTokens.get(k);
                if (isContentWord(token)) {
                    int id = id(fold(token));
                    buffer[size++] = id;
                    sequence[k] = id;
                } else {
                    sequence[k] = -1;
                }
            }
            sequences[s] = sequence;
            Arrays.sort(buffer, 0, size);
            int[] unique = new int[size];
            int[] count = new int[size];
            int u = 0;
            for (int k = 0; k < size; k++) {
                if (u > 0 && unique[u - 1] == buffer[k]) {
                    count[u - 1]++;
                } else {
                    unique[u] = buffer[k];
                    count[u] = 1;
                    u++;
                }
            }
            terms[s] = Arrays.copyOf(unique, u);
            counts[s] = Arrays.copyOf(count, u);
            for (int k = 0; k < u; k++) {
                documentFrequency[unique[k]]++;
                termFrequency[unique[k]] += count[k];
            }
        }
        weights = new float[sentenceCount][];
        norms = new float[sentenceCount];
        sums = new float[sentenceCount];
        float[] idf = new float[ids.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = idf(documentFrequency[t]);
        }
        for (int s = 0; s < sentenceCount; s++) {
            float[] w = new float[terms[s].length];
            float norm = 0f;
            float sum = 0f;
            for (int k = 0; k < w.length; k++) {
                w[k] = counts[s][k] * idf[terms[s][k]];
                norm += w[k] * w[k];
                sum += w[k];
            }
            weights[s] = w;
            norms[s] = (float) Math.sqrt(norm);
            sums[s] = sum;
        }
    }

    private int id(String term) {
        Integer id = ids.get(term);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        ids.put(term, next);
        if (next == names.length) {
            names = Arrays.copyOf(names, next * 2);
        }
        names[next] = term;
        if (next == documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, next * 2);
            termFrequency = Arrays.copyOf(termFrequency, next * 2);
        }
        return next;
    }

    /** The lower-case word tokens of a sentence, as {@link Words#tokens} gives them. */
    List<String> tokens(int sentence) {
        return tokens.get(sentence);
    }

    /** Term ids of the sentence's tokens in order, -1 for tokens that are not content words. */
    int[] sequence(int sentence) {
        return sequences[sentence];
    }

    /** The id of a folded term, or -1 when the article does not use it as a content word. */
    int termId(String folded) {
        Integer id = ids.get(folded);
        return id == null ? -1 : id;
    }

    /** The folded term with this id: {@code fold(token)} for every token whose sequence entry is {@code id}. */
    String term(int id) {
        return names[id];
    }

    /** How many distinct terms there are; ids run from 0 to this, exclusive. */
    int termCount() {
        return ids.size();
    }

    /** How often the term with this id occurs. */
    int termFrequency(int id) {
        return termFrequency[id];
    }

    /** A content word for this article: not an English stop word, nor a function word of the article's language. */
    boolean isContentWord(String token) {
        return isContent(token) && !extraStopWords.contains(token);
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

    /** Inverse sentence frequency of a folded term; high for a term the article has never used. */
    float idf(String term) {
        Integer id = ids.get(term);
        return idf(id == null ? 0 : documentFrequency[id]);
    }

    /** Folded content terms that occur at least {@code min} times, with their counts. */
    Map<String, Integer> termsRepeated(int min) {
        Map<String, Integer> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            int tf = termFrequency[e.getValue()];
            if (tf >= min) {
                out.put(e.getKey(), tf);
            }
        }
        return out;
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
}
