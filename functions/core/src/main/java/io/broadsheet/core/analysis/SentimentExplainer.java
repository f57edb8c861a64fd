package io.broadsheet.core.analysis;

import io.broadsheet.core.analysis.SentimentAnalyzer.Reading;
import io.broadsheet.core.analysis.SentimentAnalyzer.SentenceScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Three bullets that explain a reading, each quoting the article: what pulls the tone down, what
 * lifts it, and the overall tone. Quotes are verbatim sentences, or the clause that carries the
 * tone when the sentence is long, so a reader can find them in the text.
 */
final class SentimentExplainer {

    /** Longer sentences are cut to the clause around their strongest phrase. */
    static final int MAX_QUOTE = 220;
    private static final float TONED = 0.05f;

    List<String> explain(Reading reading) {
        List<SentenceScore> sentences = reading.sentences();
        SentenceScore lowest = null;
        SentenceScore highest = null;
        int negative = 0;
        int positive = 0;
        for (SentenceScore s : sentences) {
            if (s.compound() <= -TONED) {
                negative++;
                if (lowest == null || s.compound() < lowest.compound()) {
                    lowest = s;
                }
            } else if (s.compound() >= TONED) {
                positive++;
                if (highest == null || s.compound() > highest.compound()) {
                    highest = s;
                }
            }
        }
        List<String> bullets = new ArrayList<>(3);
        bullets.add(lowest == null
                ? "Nothing pulls the tone down: no sentence reads as negative."
                : "Pulls the tone down" + phrases(lowest) + ": “" + quote(lowest) + "”");
        bullets.add(highest == null
                ? "Nothing lifts the tone: no sentence reads as positive."
                : "Lifts the tone" + phrases(highest) + ": “" + quote(highest) + "”");
        bullets.add(overall(reading, negative, positive, lowest, highest));
        return List.copyOf(bullets);
    }

    private static String overall(Reading reading, int negative, int positive, SentenceScore lowest, SentenceScore highest) {
        int total = reading.sentences().size();
        String counts = negative + " of " + total + (total == 1 ? " sentence reads" : " sentences read") + " negative, "
                + positive + " positive";
        SentenceScore example = representative(reading, lowest, highest);
        String tone = "Overall " + reading.label() + " (" + reading.score() + " %): " + counts;
        return example == null ? tone + "." : tone + "; the tone is set by “" + quote(example) + "”";
    }

    /** A sentence in the direction of the overall tone that the other two bullets do not already quote. */
    private static SentenceScore representative(Reading reading, SentenceScore lowest, SentenceScore highest) {
        float direction = Math.signum(reading.compound());
        SentenceScore best = null;
        for (SentenceScore s : reading.sentences()) {
            if (s == lowest || s == highest) {
                continue;
            }
            if (direction == 0f || reading.label().equals("neutral")) {
                // neutral: the first sentence that states the facts plainly
                if (Math.abs(s.compound()) < TONED) {
                    return s;
                }
                continue;
            }
            if (Math.signum(s.compound()) == direction
                    && (best == null || Math.abs(s.compound()) > Math.abs(best.compound()))) {
                best = s;
            }
        }
        if (best == null) {
            best = direction < 0 ? lowest : direction > 0 ? highest : null;
        }
        return best;
    }

    private static String phrases(SentenceScore s) {
        List<String> p = s.phrases();
        if (p.isEmpty()) {
            return "";
        }
        // the first two distinct phrases, quoted
        String first = p.get(0);
        String second = null;
        for (int k = 1; k < p.size() && second == null; k++) {
            if (!p.get(k).equals(first)) {
                second = p.get(k);
            }
        }
        return second == null ? " (“" + first + "”)" : " (“" + first + "”, “" + second + "”)";
    }

    /** The sentence, or for a long one the clause around its strongest phrase. */
    static String quote(SentenceScore s) {
        String sentence = s.sentence();
        if (sentence.length() <= MAX_QUOTE) {
            return sentence;
        }
        String anchor = s.phrases().isEmpty() ? "" : s.phrases().get(0);
        int at = anchor.isEmpty() ? 0 : Math.max(0, sentence.indexOf(anchor));
        return Clauses.around(sentence, at, MAX_QUOTE);
    }
}
