package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Key terms for tagging an article that has no tags: its most salient named aspects as written,
 * then its most repeated distinctive content words, in lower case.
 */
final class KeywordExtractor {

    static final int MAX_KEYWORDS = 8;

    /**
     * How many of the best terms are kept in order while scoring: enough for the list however many
     * of them repeat a name's words (at most {@code MAX_KEYWORDS / 2} names of a few words each).
     */
    private static final int KEPT = 3 * MAX_KEYWORDS;

    List<String> extract(List<Aspects.Aspect> aspects, SentenceVectors vectors) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Aspects.Aspect aspect : aspects) {
            if (out.size() >= MAX_KEYWORDS / 2) {
                break;
            }
            if (aspect.named() && aspect.sentences().size() >= 2 && addUnseen(aspect.name(), seen)) {
                out.add(aspect.name());
            }
        }
        // scores computed once, not in every comparison; the best few kept in order as they come
        // (most terms lose their one comparison with the last kept), the rest ordered only if needed
        int termCount = vectors.termCount();
        int[] ids = new int[termCount];
        float[] scores = new float[termCount];
        int candidates = 0;
        int[] best = new int[KEPT];
        int kept = 0;
        for (int id = 0; id < termCount; id++) {
            int tf = vectors.termFrequency(id);
            if (tf < 2) {
                continue;
            }
            float score = tf * vectors.idfOf(id);
            ids[candidates] = id;
            scores[candidates] = score;
            if (kept < KEPT || before(score, id, scores[best[KEPT - 1]], ids[best[KEPT - 1]], vectors)) {
                int at = Math.min(kept, KEPT - 1);
                while (at > 0 && before(score, id, scores[best[at - 1]], ids[best[at - 1]], vectors)) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = candidates;
                kept = Math.min(kept + 1, KEPT);
            }
            candidates++;
        }
        for (int k = 0; k < kept && out.size() < MAX_KEYWORDS; k++) {
            String term = vectors.term(ids[best[k]]);
            if (addUnseen(term, seen)) {
                out.add(term);
            }
        }
        if (out.size() < MAX_KEYWORDS && kept == KEPT) {
            // the kept ones ran out: the others, best first (a heap, built in linear time)
            boolean[] taken = new boolean[candidates];
            for (int k = 0; k < kept; k++) {
                taken[best[k]] = true;
            }
            List<Scored> rest = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                if (!taken[c]) {
                    rest.add(new Scored(vectors.term(ids[c]), scores[c]));
                }
            }
            java.util.PriorityQueue<Scored> heap = new java.util.PriorityQueue<>(rest);
            while (!heap.isEmpty() && out.size() < MAX_KEYWORDS) {
                String term = heap.poll().term();
                if (addUnseen(term, seen)) {
                    out.add(term);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether term a comes before term b: {@link Scored}'s order. */
    private static boolean before(float scoreA, int a, float scoreB, int b, SentenceVectors vectors) {
        int c = Float.compare(scoreB, scoreA);
        return c != 0 ? c < 0 : vectors.term(a).compareTo(vectors.term(b)) < 0;
    }

    /** Higher score first, ties alphabetically (terms are distinct, so the order is total). */
    private record Scored(String term, float score) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored other) {
            int c = Float.compare(other.score, score);
            return c != 0 ? c : term.compareTo(other.term);
        }
    }

    private static boolean addUnseen(String term, Set<String> seen) {
        boolean fresh = false;
        List<String> tokens = Words.tokens(term);
        for (String t : tokens) {
            fresh |= !seen.contains(SentenceVectors.fold(t));
        }
        if (!fresh) {
            return false;
        }
        for (String t : tokens) {
            seen.add(SentenceVectors.fold(t.toLowerCase(Locale.ROOT)));
        }
        return true;
    }
}
