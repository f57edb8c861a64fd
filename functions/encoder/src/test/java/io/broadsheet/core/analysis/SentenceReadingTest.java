package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Sentiment;
import io.broadsheet.encoder.Analyzers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentences the lexicon scorer read the wrong way (issue #19), read by the encoder and the shipped head.
 * Each is a sentence a person reads one way without hesitation.
 */
class SentenceReadingTest {

    private static final ArticleAnalyzer analyzer = Analyzers.load(1);

    private static int score(String text) {
        Sentiment sentiment = analyzer.sentimentOf(text);
        assertThat(sentiment.scored()).as(text).isTrue();
        return sentiment.score();
    }

    @Test
    void friction_highlightedBetweenAllies_readsNegative_notAsPraise() {
        assertThat(score("The dispute highlights the friction between the allies.")).isLessThan(45);
    }

    @Test
    void aPlainMeasurement_readsNeutral_notNegative() {
        assertThat(score("It weighs 182 grams.")).isBetween(35, 65);
    }

    @Test
    void enginesThatCutDelays_readPositive() {
        assertThat(score("The new engines cut delays.")).isGreaterThan(50);
    }

    @Test
    void aStandOffWhereOneSideRejectsTheOthersPlan_readsNegative() {
        String report = """
                The foreign ministry rejected the neighbouring government's peace plan on Tuesday, calling it a \
                provocation.

                Officials on both sides traded accusations as troops remained massed along the disputed border.

                Analysts warned that the friction between the former allies could deepen instability across the region.

                Talks planned for next week were cancelled.""";

        assertThat(score(report)).isLessThan(45);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I will come back here every time I'm in Vegas.", "No complaints!", "Loved it.",
            "Great value for the price.", "Would buy again."})
    void shortEnglishPraise_isScored_andReadsPositive(String sentence) {
        assertThat(score(sentence)).isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Never again.", "Waste of money.", "It broke after two days."})
    void shortEnglishComplaints_areScored_andReadNegative(String sentence) {
        assertThat(score(sentence)).isLessThan(50);
    }
}
