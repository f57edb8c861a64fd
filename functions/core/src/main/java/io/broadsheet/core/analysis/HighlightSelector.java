package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks an article's highlights: the most central sentences (TextRank over TF-IDF cosine
 * similarity, personalised toward the lead, where news puts its key facts), without two that
 * say the same thing, returned verbatim in article order.
 *
 * <p>Cost is bounded: only the first {@value #MAX_CANDIDATES} sentences are ranked, so the
 * quadratic similarity step never exceeds a fixed size however long the article is.
 */
final class HighlightSelector {

    static final int MAX_CANDIDATES = 60;
    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 60;
    /** Highlights together stay within this many characters (about a short paragraph). */
    static final int MAX_CHARS = 800;
    private static final float DAMPING = 0.85f;
    private static final float REDUNDANT = 0.5f;
    private static final int ITERATIONS = 20;
    private static final float LEAD_WEIGHT = 0.35f;

    List<String> select(List<String> sentences, SentenceVectors vectors) {
        int n = Math.min(sentences.size(), MAX_CANDIDATES);
        if (n == 0) {
            return List.of();
        }
        float[] rank = rank(n, vectors);
        boolean[] eligible = new boolean[n];
        int eligibleCount = 0;
        for (int i = 0; i < n; i++) {
            eligible[i] = isEligible(sentences.get(i), vectors.text().wordCount(i));
            eligibleCount += eligible[i] ? 1 : 0;
        }
        if (eligibleCount == 0) {
            // a very short or oddly shaped article: fall back to its first sentence, bounded
            return List.of(sentences.get(0));
        }
        int wanted = sentences.size() < 6 ? 2 : sentences.size() < 15 ? 3 : 4;
        List<Integer> chosen = new ArrayList<>();
        int chars = 0;
        boolean[] taken = new boolean[n];
        while (chosen.size() < wanted) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (eligible[i] && !taken[i] && (best < 0 || rank[i] > rank[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            if (isRedundant(best, chosen, vectors)) {
                continue;
            }
            int length = sentences.get(best).length();
            if (!chosen.isEmpty() && chars + length > MAX_CHARS) {
                continue;
            }
            chosen.add(best);
            chars += length + 1;
        }
        chosen.sort(Integer::compare);
        List<String> out = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            out.add(sentences.get(i));
        }
        return List.copyOf(out);
    }

    /** Personalised PageRank over the similarity graph; the teleport favours early sentences. */
    private static float[] rank(int n, SentenceVectors vectors) {
        // rows one by one: a float[n][n] goes through the VM's slow path for multi-arrays
        float[][] cosine = new float[n][];
        for (int i = 0; i < n; i++) {
            cosine[i] = new float[n];
        }
        vectors.cosines(n, cosine);
        // the similarity graph: an edge where two sentences' cosine passes the threshold, listed in
        // (i, j) order, i < j; out[i] sums i's edges in that order
        Edges edges = new Edges(n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float[] row = cosine[i];
            for (int j = i + 1; j < n; j++) {
                float s = row[j];
                if (s > 0.05f) {
                    out[i] += s;
                    out[j] += s;
                    edges.add(i, j, s);
                }
            }
        }
        edges.divideBy(out);
        float[] prior = new float[n];
        float priorSum = 0f;
        for (int i = 0; i < n; i++) {
            prior[i] = (float) (1.0 / Math.sqrt(i + 1.0));
            priorSum += prior[i];
        }
        for (int i = 0; i < n; i++) {
            prior[i] /= priorSum;
        }
        float[] rank = prior.clone();
        float[] next = new float[n];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            edges.flow(rank, next);
            // sentences with no similar neighbour leak rank; give it back through the prior
            float total = 0f;
            for (int j = 0; j < n; j++) {
                next[j] = (1 - DAMPING) * prior[j] + DAMPING * next[j];
                total += next[j];
            }
            float change = 0f;
            for (int j = 0; j < n; j++) {
                float updated = next[j] + (1f - total) * prior[j];
                change += Math.abs(updated - rank[j]);
                rank[j] = updated;
                next[j] = 0f;
            }
            if (change < 1e-4f) {
                break;
            }
        }
        // blend centrality with position: news puts its key facts first (the lead), which pure
        // centrality misses when the lead is a long sentence that shares few words with the rest
        float max = 0f;
        for (float r : rank) {
            max = Math.max(max, r);
        }
        float[] score = new float[n];
        for (int i = 0; i < n; i++) {
            float centrality = max == 0f ? 0f : rank[i] / max;
            float position = 1f / (1f + 0.5f * i);
            score[i] = (1 - LEAD_WEIGHT) * centrality + LEAD_WEIGHT * position;
        }
        return score;
    }

    /**
     * The graph's edges in (low, high) order, each with the share of the low sentence's rank that
     * flows to the high one (similarity / out(low)) and back (similarity / out(high)).
     */
    private static final class Edges {
        int count;
        int[] low;
        int[] high;
        float[] forward;
        float[] back;

        Edges(int sentences) {
            int capacity = Math.max(16, 4 * sentences);
            low = new int[capacity];
            high = new int[capacity];
            forward = new float[capacity];
        }

        void add(int i, int j, float similarity) {
            if (count == low.length) {
                low = Arrays.copyOf(low, 2 * count);
                high = Arrays.copyOf(high, 2 * count);
                forward = Arrays.copyOf(forward, 2 * count);
            }
            low[count] = i;
            high[count] = j;
            forward[count++] = similarity;
        }

        /** Turns each edge's similarity into the two shares, once every out(i) is summed. */
        void divideBy(float[] out) {
            back = new float[count];
            for (int e = 0; e < count; e++) {
                float similarity = forward[e];
                forward[e] = similarity / out[low[e]];
                back[e] = similarity / out[high[e]];
            }
        }

        /**
         * Adds to {@code into[j]} the rank flowing into each sentence j. Walking the edges in (low,
         * high) order adds a sentence's inflows in increasing order of their source, the sum of
         * the textbook row-by-row product term for term (the same floats bit for bit).
         */
        void flow(float[] rank, float[] into) {
            for (int e = 0; e < count; e++) {
                int i = low[e];
                int j = high[e];
                into[j] += rank[i] * forward[e];
                into[i] += rank[j] * back[e];
            }
        }
    }

    private static boolean isRedundant(int candidate, List<Integer> chosen, SentenceVectors vectors) {
        for (int c : chosen) {
            if (vectors.cosine(candidate, c) > REDUNDANT) {
                return true;
            }
        }
        return false;
    }

    /** A complete statement of reasonable length: not a question, a fragment or a lead-in to a list. */
    static boolean isEligible(String sentence) {
        return isEligible(sentence, Words.count(sentence));
    }

    private static boolean isEligible(String sentence, int words) {
        if (words < MIN_WORDS || words > MAX_WORDS) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        if (last == '?' || last == ':') {
            return false;
        }
        return Character.isUpperCase(sentence.charAt(0)) || !Character.isLetter(sentence.charAt(0));
    }
}
