package io.broadsheet.core.analysis;

import io.broadsheet.core.analysis.SentimentAnalyzer.Reading;
import io.broadsheet.core.analysis.SentimentAnalyzer.SentenceScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Three bullets that explain a reading, each quoting the article: the sentence that pulls the tone
 * down most, the one that lifts it most (both as the model read them), and the overall tone with the
 * sentence closest to it. Quotes are verbatim sentences, or their opening clause when a sentence is
 * long, so a reader can find them in the text.
 */
final class SentimentExplainer {

    /** Longer sentences are cut to a clause. */
    static final int MAX_QUOTE = 220;
    /**
     * A sentence this far from 50 reads as toned, not as a plain statement: half a point of the human
     * −4..+4 rating the scale is calibrated to (the NYT set counts a sentence as clear from 0.5).
     */
    static final double TONED = 6.25;

    List<String> explain(Reading reading) {
        SentenceScore lowest = null;
        SentenceScore highest = null;
        int negative = 0;
        int positive = 0;
        for (SentenceScore s : reading.sentences()) {
            if (s.score() <= 50 - TONED) {
                negative++;
                if (lowest == null || s.score() < lowest.score()) {
                    lowest = s;
                }
            } else if (s.score() >= 50 + TONED) {
                positive++;
                if (highest == null || s.score() > highest.score()) {
                    highest = s;
                }
            }
        }
        List<String> bullets = new ArrayList<>(3);
        bullets.add(lowest == null
                ? "Nothing pulls the tone down: no sentence reads as negative."
                : "Pulls the tone down most (" + Math.round(lowest.score()) + " %): “" + quote(lowest) + "”");
        bullets.add(highest == null
                ? "Nothing lifts the tone: no sentence reads as positive."
                : "Lifts the tone most (" + Math.round(highest.score()) + " %): “" + quote(highest) + "”");
        bullets.add(overall(reading, negative, positive, lowest, highest));
        return List.copyOf(bullets);
    }

    private static String overall(Reading reading, int negative, int positive, SentenceScore lowest, SentenceScore highest) {
        int total = reading.sentences().size();
        String counts = negative + " of " + total + (total == 1 ? " sentence reads" : " sentences read") + " negative, "
                + positive + " positive";
        SentenceScore example = closestToOverall(reading, lowest, highest);
        String tone = "Overall " + reading.label() + " (" + reading.score() + " %): " + counts;
        return example == null ? tone + "." : tone + "; typical of it: “" + quote(example) + "”";
    }

    /** The sentence whose score is nearest the text's, other than the two already quoted. */
    private static SentenceScore closestToOverall(Reading reading, SentenceScore lowest, SentenceScore highest) {
        SentenceScore best = null;
        for (SentenceScore s : reading.sentences()) {
            if (s == lowest || s == highest) {
                continue;
            }
            if (best == null || Math.abs(s.score() - reading.score()) < Math.abs(best.score() - reading.score())) {
                best = s;
            }
        }
        return best;
    }

    /** The sentence, or for a long one its opening clause. */
    static String quote(SentenceScore s) {
        String sentence = s.sentence();
        return sentence.length() <= MAX_QUOTE ? sentence : Clauses.around(sentence, 0, MAX_QUOTE);
    }
}
