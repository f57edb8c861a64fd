package io.broadsheet.core.analysis;

import java.util.ArrayList;
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
            eligible[i] = isEligible(sentences.get(i));
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
        float[][] sim = new float[n][n];
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float s = vectors.cosine(i, j);
                if (s > 0.05f) {
                    sim[i][j] = s;
                    sim[j][i] = s;
                    out[i] += s;
                    out[j] += s;
                }
            }
        }
        float[] prior = new float[n];
        float priorSum = 0f;
        for (int i = 0; i < n; i++) {
            prior[i] = (float) (1.0 / Math.sqrt(i + 1.0));
            priorSum += prior[i];
        }
        for (int i = 0; i < n; i++) {
            prior[i] /= priorSum;
        }
        // incoming[j][i] = share of i's rank that flows to j: a transposed, normalised matrix so the
        // inner loop reads one row
        float[][] incoming = new float[n][n];
        for (int i = 0; i < n; i++) {
            if (out[i] == 0f) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                incoming[j][i] = sim[i][j] / out[i];
            }
        }
        // the graph is sparse: keep each row's non-zero entries, in order (adding the skipped zero
        // products would not change any sum)
        int[][] from = new int[n][];
        float[][] share = new float[n][];
        for (int j = 0; j < n; j++) {
            float[] row = incoming[j];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (row[i] != 0f) {
                    size++;
                }
            }
            from[j] = new int[size];
            share[j] = new float[size];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (row[i] != 0f) {
                    from[j][k] = i;
                    share[j][k++] = row[i];
                }
            }
        }
        float[] rank = prior.clone();
        float[] next = new float[n];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            for (int j = 0; j < n; j++) {
                int[] sources = from[j];
                float[] weights = share[j];
                float sum = 0f;
                for (int k = 0; k < sources.length; k++) {
                    sum += rank[sources[k]] * weights[k];
                }
                next[j] = (1 - DAMPING) * prior[j] + DAMPING * sum;
            }
            // sentences with no similar neighbour leak rank; give it back through the prior
            float total = 0f;
            for (float v : next) {
                total += v;
            }
            float change = 0f;
            for (int j = 0; j < n; j++) {
                float updated = next[j] + (1f - total) * prior[j];
                change += Math.abs(updated - rank[j]);
                rank[j] = updated;
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
        int words = Words.count(sentence);
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
