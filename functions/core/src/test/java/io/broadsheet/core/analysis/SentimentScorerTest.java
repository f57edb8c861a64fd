package io.broadsheet.core.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentScorerTest {

    private final SentimentScorer scorer = new SentimentScorer();

    private float score(String sentence) {
        return scorer.score(sentence).compound();
    }

    @Test
    void score_isZero_forAPlainStatementOfFact() {
        assertThat(score("The council meets on Thursday at the town hall.")).isZero();
        assertThat(scorer.score("The council meets on Thursday.").neutral()).isTrue();
    }

    @Test
    void negation_flipsPraise_andSoftensComplaint() {
        assertThat(score("The plan is good.")).isPositive();
        assertThat(score("The plan is not good.")).isNegative();
        assertThat(score("The food was not bad at all.")).isPositive();
        assertThat(score("The food was not bad.")).isLessThan(-score("The food was bad."));
    }

    @Test
    void negation_reachesAcrossAFewWords_butStopsAtTheClause() {
        assertThat(score("I don't think the service was good.")).isNegative();
        assertThat(score("It was not cheap, but the service was excellent.")).isPositive();
    }

    @Test
    void negatedExpectation_isAComplaint_evenWithoutASentimentWord() {
        assertThat(score("The charger did not work.")).isNegative();
        assertThat(score("The new policy won't help.")).isNegative();
    }

    @Test
    void intensifiers_raise_andDampeners_lowerTheMagnitude() {
        float plain = score("The results were good.");
        assertThat(score("The results were extremely good.")).isGreaterThan(plain);
        assertThat(score("The results were somewhat good.")).isLessThan(plain).isPositive();
        assertThat(score("The losses were very bad.")).isLessThan(score("The losses were bad."));
    }

    @Test
    void contrast_weighsTheClauseAfterBut_andTheMainClauseOverAConcession() {
        assertThat(score("The screen is great, but the battery is terrible.")).isNegative();
        assertThat(score("The battery is terrible, but the screen is great.")).isPositive();
        assertThat(score("Although the start was awful, the team won a brilliant victory.")).isPositive();
        assertThat(score("Despite strong growth, the firm announced painful layoffs.")).isNegative();
        assertThat(score("The economy is weak; however, hiring improved sharply.")).isPositive();
    }

    @Test
    void hedges_soften() {
        assertThat(score("The deal could collapse.")).isNegative()
                .isGreaterThan(score("The deal will collapse."));
    }

    @Test
    void quotedSpeech_countsLessThanTheReportersOwnWords() {
        assertThat(score("He said \"this is a disaster\" on Monday.")).isNegative()
                .isGreaterThan(score("He said this is a disaster on Monday."));
    }

    @Test
    void warnings_keepTheHarmNegative() {
        assertThat(score("Don't be fooled by the advert.")).isNegative();
        assertThat(score("Do not waste your money.")).isNegative();
    }

    @Test
    void comparativeUnderNegatedModal_isTheTopOfTheScale() {
        assertThat(score("I couldn't be happier with the result.")).isPositive();
    }

    @Test
    void unmetExpectation_turnsPraiseIntoComplaint() {
        assertThat(score("The launch should have been better.")).isNegative();
        assertThat(score("I wish the staff were friendly.")).isNegative();
    }

    @Test
    void removingAHarm_isGood_andCuttingAGood_isBad() {
        assertThat(score("The update fixes the problems.")).isPositive();
        assertThat(score("The tariffs cut growth.")).isNegative();
    }

    @Test
    void aFallingBadQuantity_isGoodNews() {
        assertThat(score("Unemployment fell to its lowest level in a decade.")).isPositive();
        assertThat(score("Inflation eased in March.")).isPositive();
        assertThat(score("Unemployment is a worry.")).isNegative();
    }

    @Test
    void namesInsideASentence_carryNoTone() {
        assertThat(score("Officials from the United Nations met in Geneva.")).isZero();
        assertThat(score("She lives on Hope Street.")).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "Sanctions on the region were tightened., -1",
            "The plant announced 300 layoffs., -1",
            "Three people were killed in the attack., -1",
            "The conflict displaced thousands of families., -1",
            "The firm reported heavy losses., -1",
            "Both sides signed the agreement., 1",
            "The economy showed strong growth., 1",
            "The recovery is gathering pace., 1",
            "The staff were friendly and the food was delicious., 1",
            "The room was filthy and the service was rude., -1"
    })
    void newsAndEverydayVocabulary_hasTheExpectedPolarity(String sentence, int sign) {
        assertThat(Math.signum(score(sentence))).isEqualTo((float) sign);
    }

    @Test
    void hits_nameThePhrasesThatMovedTheScore_asWritten() {
        SentimentScorer.Result r = scorer.score("Layoffs were announced, which is not good news.");

        assertThat(r.hits()).extracting(SentimentScorer.Hit::text).contains("Layoffs", "not good");
    }

    @Test
    void analyzer_mapsScoresToLabels_withTheDocumentedThresholds() {
        assertThat(List.of(0, 20, 21, 44, 45, 55, 56, 79, 80, 100).stream().map(SentimentAnalyzer::label))
                .containsExactly("very negative", "very negative", "negative", "negative", "neutral", "neutral",
                        "positive", "positive", "very positive", "very positive");
    }

    @Test
    void analyzer_givesPerSentenceScores_andAnOverallScore() {
        SentimentAnalyzer.Reading reading = new SentimentAnalyzer().read(List.of(
                "The factory will close.", "Hundreds of workers lost their jobs.", "The town hall opens at nine."));

        assertThat(reading.sentences()).hasSize(3);
        assertThat(reading.sentences().get(1).score()).isLessThan(50);
        assertThat(reading.sentences().get(2).score()).isEqualTo(50);
        assertThat(reading.score()).isLessThan(50);
        assertThat(reading.label()).isIn("negative", "very negative");
    }
}
