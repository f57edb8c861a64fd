package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of an article's sentences over their content words (stop words dropped, plurals
 * folded), with the article's own sentences as the document collection. Built once per article and
 * shared by highlights, insights and keywords.
 */
final class SentenceVectors {

    private final List<Map<String, Float>> vectors;
    private final float[] norms;
    private final Map<String, Integer> documentFrequency;
    private final Map<String, Integer> termFrequency;
    private final int sentenceCount;

    private final java.util.Set<String> extraStopWords;

    SentenceVectors(List<String> sentences) {
        this(sentences, "en");
    }

    /** @param language the article's language: its function words are dropped as well as English ones */
    SentenceVectors(List<String> sentences, String language) {
        extraStopWords = LanguageDetector.functionWords(language.equals("en") ? "" : language);
        sentenceCount = sentences.size();
        List<Map<String, Integer>> counts = new ArrayList<>(sentenceCount);
        documentFrequency = new HashMap<>();
        termFrequency = new HashMap<>();
        for (String sentence : sentences) {
            Map<String, Integer> tf = new HashMap<>();
            for (String token : Words.tokens(sentence)) {
                if (isContent(token) && !extraStopWords.contains(token)) {
                    tf.merge(fold(token), 1, Integer::sum);
                }
            }
            counts.add(tf);
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                documentFrequency.merge(e.getKey(), 1, Integer::sum);
                termFrequency.merge(e.getKey(), e.getValue(), Integer::sum);
            }
        }
        vectors = new ArrayList<>(sentenceCount);
        norms = new float[sentenceCount];
        for (int i = 0; i < sentenceCount; i++) {
            Map<String, Float> v = new HashMap<>();
            float norm = 0f;
            for (Map.Entry<String, Integer> e : counts.get(i).entrySet()) {
                float w = e.getValue() * idf(e.getKey());
                v.put(e.getKey(), w);
                norm += w * w;
            }
            vectors.add(v);
            norms[i] = (float) Math.sqrt(norm);
        }
    }

    /** A content word for this article: not an English stop word, nor a function word of the article's language. */
    boolean isContentWord(String token) {
        return isContent(token) && !extraStopWords.contains(token);
    }

    static boolean isContent(String token) {
        return token.length() > 2 && !Words.isStopWord(token) && Character.isLetter(token.charAt(0));
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

    float idf(String term) {
        Integer df = documentFrequency.get(term);
        return (float) Math.log((sentenceCount + 1.0) / ((df == null ? 0 : df) + 0.5));
    }

    int termFrequency(String term) {
        return termFrequency.getOrDefault(term, 0);
    }

    Map<String, Integer> termFrequencies() {
        return termFrequency;
    }

    Map<String, Float> vector(int sentence) {
        return vectors.get(sentence);
    }

    /** Sum of the sentence's TF-IDF weights: how much distinctive content it carries. */
    float weight(int sentence) {
        float sum = 0f;
        for (float w : vectors.get(sentence).values()) {
            sum += w;
        }
        return sum;
    }

    float cosine(int a, int b) {
        if (norms[a] == 0f || norms[b] == 0f) {
            return 0f;
        }
        Map<String, Float> small = vectors.get(a);
        Map<String, Float> large = vectors.get(b);
        if (small.size() > large.size()) {
            Map<String, Float> t = small;
            small = large;
            large = t;
        }
        float dot = 0f;
        for (Map.Entry<String, Float> e : small.entrySet()) {
            Float w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot / (norms[a] * norms[b]);
    }
}
