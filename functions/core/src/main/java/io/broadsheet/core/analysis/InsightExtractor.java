package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Insight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the key-insights table: one row per main actor, place, organisation or topic, described
 * by the most informative sentence that names it in full (else one that mentions it by an alias),
 * or the clause that mentions it when the sentence is long. No two rows share an aspect or a
 * description.
 */
final class InsightExtractor {

    static final int MAX_ROWS = 6;
    static final int MAX_DESCRIPTION = 240;

    List<Insight> extract(List<Aspects.Aspect> aspects, List<String> sentences, SentenceVectors vectors) {
        List<Insight> rows = new ArrayList<>();
        Set<Integer> usedSentences = new HashSet<>();
        List<Set<String>> usedWords = new ArrayList<>();
        // a sentence's informativeness (NaN until needed) is the same for every aspect that mentions it
        float[] informativeness = new float[sentences.size()];
        java.util.Arrays.fill(informativeness, Float.NaN);
        for (Aspects.Aspect aspect : aspects) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            Set<String> words = contentWords(aspect.name());
            if (words.isEmpty() || overlaps(words, usedWords)) {
                continue; // "Transit" after "Transit budget": the same thing
            }
            // a sentence that names the aspect in full ("Harbour City", not only "City") says it is about it
            String fullName = aspect.name().toLowerCase(Locale.ROOT);
            int best = -1;
            float bestScore = 0f;
            boolean bestNamesIt = false;
            for (int i : aspect.sentences()) {
                if (usedSentences.contains(i) || !isStatement(sentences.get(i), vectors.text().wordCount(i))) {
                    continue;
                }
                float score = informativeness[i];
                if (Float.isNaN(score)) {
                    score = informativeness[i] = informativeness(sentences.get(i), i, vectors);
                }
                boolean namesIt = sentences.get(i).toLowerCase(Locale.ROOT).contains(fullName);
                if (best < 0 || (namesIt && !bestNamesIt) || (namesIt == bestNamesIt && score > bestScore)) {
                    best = i;
                    bestScore = score;
                    bestNamesIt = namesIt;
                }
            }
            if (best < 0) {
                continue;
            }
            usedSentences.add(best);
            usedWords.add(words);
            rows.add(new Insight(aspect.name(), describe(sentences.get(best), aspect)));
        }
        return List.copyOf(rows);
    }

    /** Distinctive content per word, with a nudge for figures and for the lead; very long sentences lose out. */
    private static float informativeness(String sentence, int index, SentenceVectors vectors) {
        int words = Math.max(1, vectors.text().wordCount(index));
        float score = vectors.weight(index) / (float) Math.sqrt(words);
        if (hasDigit(sentence, index, vectors.text())) {
            score *= 1.15f;
        }
        if (index < 3) {
            score *= 1.1f;
        }
        return score;
    }

    /**
     * Whether the sentence holds a digit. In the text's own sentence only its tokens can (a digit is
     * a letter or digit, so in a token), and only those whose form is not all letters, which are few.
     */
    private static boolean hasDigit(String sentence, int index, ArticleText text) {
        if (index < text.sentenceCount() && text.sentence(index) == sentence) {
            for (int token = text.firstToken(index); token < text.endToken(index); token++) {
                ArticleText.Form form = text.formOf(text.form(token));
                if (!form.letters && hasDigit(form.text)) {
                    return true;
                }
            }
            return false;
        }
        return hasDigit(sentence);
    }

    private static boolean hasDigit(String text) {
        for (int c = 0; c < text.length(); c++) {
            if (Character.isDigit(text.charAt(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStatement(String sentence, int words) {
        return words >= 5 && !sentence.endsWith("?");
    }

    private static String describe(String sentence, Aspects.Aspect aspect) {
        if (sentence.length() <= MAX_DESCRIPTION) {
            return sentence;
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        int at = 0;
        for (String key : aspect.keys()) {
            int found = lower.indexOf(key.split(" ")[0]);
            if (found >= 0) {
                at = found;
                break;
            }
        }
        return Clauses.around(sentence, at, MAX_DESCRIPTION);
    }

    private static Set<String> contentWords(String name) {
        Set<String> out = new HashSet<>();
        for (String t : Words.tokens(name)) {
            if (!Words.isStopWord(t)) {
                out.add(SentenceVectors.fold(t));
            }
        }
        return out;
    }

    private static boolean overlaps(Set<String> words, List<Set<String>> used) {
        for (Set<String> u : used) {
            for (String w : words) {
                if (u.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
