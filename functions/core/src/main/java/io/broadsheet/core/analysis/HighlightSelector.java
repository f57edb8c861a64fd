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
        // the similarity graph: an edge where two sentences' cosine passes the threshold; out[i] sums
        // i's edges pair by pair in (i, j) order, i < j
        float[][] cosine = new float[n][n];
        vectors.cosines(n, cosine);
        float[] out = new float[n];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            float[] row = cosine[i];
            for (int j = i + 1; j < n; j++) {
                float s = row[j];
                if (s > 0.05f) {
                    out[i] += s;
                    out[j] += s;
                    degree[i]++;
                    degree[j]++;
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
        // row j lists the sentences i whose rank flows to j, in increasing i, with the share
        // sim(i, j) / out(i)
        int[] rowStart = new int[n + 1];
        for (int j = 0; j < n; j++) {
            rowStart[j + 1] = rowStart[j] + degree[j];
        }
        int[] source = new int[rowStart[n]];
        float[] share = new float[rowStart[n]];
        for (int j = 0, k = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                float s = i < j ? cosine[i][j] : i > j ? cosine[j][i] : 0f;
                if (s > 0.05f) {
                    source[k] = i;
                    share[k++] = s / out[i];
                }
            }
        }
        float[] rank = prior.clone();
        float[] next = new float[n];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            incoming(rank, rowStart, source, share, next);
            for (int j = 0; j < n; j++) {
                next[j] = (1 - DAMPING) * prior[j] + DAMPING * next[j];
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

    /**
     * {@code sums[j]} = the rank flowing into each sentence j, each row summed in its own order.
     * Four rows are summed side by side: a float sum is a chain of dependent additions, and four
     * independent chains keep the adder busy (each row's additions stay in the same order, so the
     * sums are the same bit for bit).
     */
    private static void incoming(float[] rank, int[] rowStart, int[] source, float[] share, float[] sums) {
        int n = sums.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int a = rowStart[j];
            int b = rowStart[j + 1];
            int c = rowStart[j + 2];
            int d = rowStart[j + 3];
            int lengthA = b - a;
            int lengthB = c - b;
            int lengthC = d - c;
            int lengthD = rowStart[j + 4] - d;
            int common = Math.min(Math.min(lengthA, lengthB), Math.min(lengthC, lengthD));
            float sumA = 0f;
            float sumB = 0f;
            float sumC = 0f;
            float sumD = 0f;
            for (int k = 0; k < common; k++) {
                sumA += rank[source[a + k]] * share[a + k];
                sumB += rank[source[b + k]] * share[b + k];
                sumC += rank[source[c + k]] * share[c + k];
                sumD += rank[source[d + k]] * share[d + k];
            }
            sums[j] = rowSum(rank, source, share, a + common, a + lengthA, sumA);
            sums[j + 1] = rowSum(rank, source, share, b + common, b + lengthB, sumB);
            sums[j + 2] = rowSum(rank, source, share, c + common, c + lengthC, sumC);
            sums[j + 3] = rowSum(rank, source, share, d + common, d + lengthD, sumD);
        }
        for (; j < n; j++) {
            sums[j] = rowSum(rank, source, share, rowStart[j], rowStart[j + 1], 0f);
        }
    }

    private static float rowSum(float[] rank, int[] source, float[] share, int from, int to, float sum) {
        for (int k = from; k < to; k++) {
            sum += rank[source[k]] * share[k];
        }
        return sum;
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
