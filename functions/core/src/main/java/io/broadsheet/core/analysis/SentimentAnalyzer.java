package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The tone of a text as a 0–100 score: each sentence is scored on its own
 * ({@link SentimentScorer}), then the sentence scores are averaged, with sentences that carry no
 * tone counting for less so that a few strong sentences in a long factual report still register.
 *
 * <p>Labels, by score: 0–20 very negative, 21–44 negative, 45–55 neutral, 56–79 positive,
 * 80–100 very positive.
 */
public final class SentimentAnalyzer {

    /** How much a sentence without any tone dilutes the average, relative to a toned one. */
    private static final float NEUTRAL_SENTENCE_WEIGHT = 0.3f;

    private final SentimentScorer scorer;

    public SentimentAnalyzer() {
        this.scorer = new SentimentScorer();
    }

    /** One sentence's reading: its compound score (-1 .. +1) and the phrases that moved it, strongest first. */
    public record SentenceScore(int index, String sentence, float compound, List<String> phrases) {

        /** The sentence on the page's 0–100 scale. */
        public int score() {
            return toScore(compound);
        }
    }

    /** A whole text's reading. */
    public record Reading(int score, String label, float compound, List<SentenceScore> sentences) {
    }

    /** Reads the tone of the given sentences, taken as one text. */
    public Reading read(List<String> sentences) {
        return read(new ArticleText(sentences));
    }

    /** Reads the tone of sentences already tokenised (the analyzer shares one tokenisation between its steps). */
    Reading read(ArticleText text) {
        List<String> sentences = text.sentences();
        SentimentScorer.Forms forms = scorer.forms(text);
        List<SentenceScore> scores = new ArrayList<>(sentences.size());
        float sum = 0f;
        float weight = 0f;
        for (int i = 0; i < sentences.size(); i++) {
            SentimentScorer.Result r = scorer.score(forms, i);
            scores.add(new SentenceScore(i, sentences.get(i), r.compound(), r.hits().isEmpty() ? List.of() : phrases(r)));
            sum += r.compound();
            weight += r.compound() == 0f ? NEUTRAL_SENTENCE_WEIGHT : 1f;
        }
        float compound = weight == 0f ? 0f : Math.max(-1f, Math.min(1f, sum / weight));
        int score = toScore(compound);
        return new Reading(score, label(score), compound, List.copyOf(scores));
    }

    /** The phrases that push the sentence its way, strongest first: "awful" does not lift "Great phone, awful battery." */
    private static List<String> phrases(SentimentScorer.Result r) {
        if (r.hits().size() == 1) {
            // most toned sentences have one phrase: nothing to sort
            SentimentScorer.Hit h = r.hits().get(0);
            return pushes(h, r.compound()) ? List.of(h.text()) : List.of();
        }
        List<SentimentScorer.Hit> hits = new ArrayList<>(r.hits());
        hits.sort((a, b) -> Float.compare(Math.abs(b.weight()), Math.abs(a.weight())));
        List<String> phrases = new ArrayList<>(hits.size());
        for (SentimentScorer.Hit h : hits) {
            if (pushes(h, r.compound())) {
                phrases.add(h.text());
            }
        }
        return List.copyOf(phrases);
    }

    private static boolean pushes(SentimentScorer.Hit h, float compound) {
        return compound == 0f || Math.signum(h.weight()) == Math.signum(compound);
    }

    /** Maps VADER's compound (-1 .. +1) onto 0–100 with 50 neutral. */
    static int toScore(float compound) {
        return Math.round(50f + 50f * compound);
    }

    /** The label for a 0–100 score (thresholds in the class comment and docs/analysis.md). */
    public static String label(int score) {
        if (score <= 20) {
            return "very negative";
        }
        if (score <= 44) {
            return "negative";
        }
        if (score <= 55) {
            return "neutral";
        }
        if (score <= 79) {
            return "positive";
        }
        return "very positive";
    }
}
