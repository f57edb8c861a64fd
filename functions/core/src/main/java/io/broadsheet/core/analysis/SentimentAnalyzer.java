package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The tone of a text as a 0–100 score. Each sentence is scored by the {@link SentimentHead} from its
 * encoder vector; the text's score is the mean of its sentence scores, so a long factual report with
 * a few harsh sentences reads a little below neutral rather than swinging to an extreme.
 *
 * <p>Labels, by score: 0–20 very negative, 21–44 negative, 45–55 neutral, 56–79 positive,
 * 80–100 very positive.
 */
public final class SentimentAnalyzer {

    private final SentimentHead head;

    public SentimentAnalyzer(SentimentHead head) {
        this.head = head;
    }

    /** One sentence's reading, on the page's 0–100 scale (not rounded). */
    public record SentenceScore(int index, String sentence, double score) {
    }

    /** A whole text's reading. */
    public record Reading(int score, String label, List<SentenceScore> sentences) {
    }

    /**
     * Reads the tone of the given sentences, taken as one text; {@code vectors[i]} is the encoder's
     * vector of sentence {@code indices[i]} (a long text is read from a sample of its sentences).
     */
    public Reading read(List<String> sentences, int[] indices, float[][] vectors) {
        List<SentenceScore> scores = new ArrayList<>(indices.length);
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            double score = head.score(vectors[i]);
            scores.add(new SentenceScore(indices[i], sentences.get(indices[i]), score));
            sum += score;
        }
        int score = (int) Math.round(indices.length == 0 ? 50 : sum / indices.length);
        return new Reading(score, label(score), List.copyOf(scores));
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
