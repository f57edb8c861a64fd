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
        // scores computed once, not in every comparison
        List<Scored> terms = new ArrayList<>();
        for (int id = 0; id < vectors.termCount(); id++) {
            int tf = vectors.termFrequency(id);
            if (tf >= 2) {
                terms.add(new Scored(vectors.term(id), tf * vectors.idfOf(id)));
            }
        }
        // best first: a heap (built in linear time) gives the few needed without sorting them all
        java.util.PriorityQueue<Scored> best = new java.util.PriorityQueue<>(terms);
        while (!best.isEmpty() && out.size() < MAX_KEYWORDS) {
            String term = best.poll().term();
            if (addUnseen(term, seen)) {
                out.add(term);
            }
        }
        return List.copyOf(out);
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
