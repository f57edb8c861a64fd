package io.broadsheet.core.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ROUGE as Google's rouge-score computes it; the expected values are worked out by hand. */
class SummarizationEvaluationTest {

    @Test
    void rougeN_isTheF1OfClippedNgramOverlap_onLowerCaseAlphanumericTokens() {
        List<String> candidate = List.of("The cat sat.");
        List<String> reference = List.of("the CAT sat on the mat");

        // 3 of 3 candidate unigrams match, 3 of 6 reference ones: P 1, R 0.5
        assertThat(SummarizationEvaluation.rougeN(candidate, reference, 1)).isCloseTo(2 / 3.0, within(1e-9));
        // bigrams: "the cat", "cat sat" both match, of 5 reference bigrams
        assertThat(SummarizationEvaluation.rougeN(candidate, reference, 2)).isCloseTo(2 * (1 * 0.4) / 1.4, within(1e-9));
        // a repeated word counts only as often as the other side has it
        assertThat(SummarizationEvaluation.rougeN(List.of("the the the"), List.of("the cat"), 1)).isCloseTo(2 * (1 / 3.0 * 0.5) / (1 / 3.0 + 0.5), within(1e-9));
    }

    @Test
    void rougeLsum_takesTheUnionOfEachReferenceSentencesLcsWithEveryCandidateSentence() {
        List<String> candidate = List.of("police killed the gunman", "the gunman was shot down by police");
        List<String> reference = List.of("police killed the gunman", "the gunman was shot by police");

        // sentence 1: union LCS covers all 4 words; sentence 2: "the gunman was shot by police" is a subsequence of candidate 2 (6 words)
        // hits 10 of 10 reference tokens and 10 of 11 candidate tokens
        assertThat(SummarizationEvaluation.rougeLsum(candidate, reference)).isCloseTo(2 * (10 / 11.0) / (10 / 11.0 + 1), within(1e-9));
    }

    @Test
    void run_averagesOverArticles_andScoresLead3_fromTheSetsOwnSentences() {
        var item = new SummarizationEvaluation.Item("a", "Title line\n\nOne two three.\n\nFour five.\n\nSix.\n\nSeven eight.",
                List.of("one two three four five six"));

        var result = SummarizationEvaluation.run(List.of(item), i -> List.of("One two three."));

        assertThat(item.sentences()).containsExactly("One two three.", "Four five.", "Six.", "Seven eight.");
        assertThat(result.lead3().rouge1()).isCloseTo(100.0, within(1e-9));
        assertThat(result.system().rouge1()).isCloseTo(100 * 2 * 0.5 / 1.5, within(1e-9));
        assertThat(result.system().words()).isEqualTo(3.0);
    }
}
