package io.broadsheet.core.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClausesTest {

    private static final String LONG = "The council, which met for six hours on Thursday in a packed chamber, voted by a narrow "
            + "margin to approve the tram budget; opponents, including several members from the eastern wards, said "
            + "the vote ignored residents who fear higher fares, while supporters said the city could not afford to wait "
            + "any longer for better transport.";

    @Test
    void around_returnsAVerbatimClause_containingThePosition_withinTheLimit() {
        int at = LONG.indexOf("higher fares");

        String clause = Clauses.around(LONG, at, 120);

        assertThat(LONG).contains(clause);
        assertThat(clause).contains("higher fares").hasSizeLessThanOrEqualTo(120);
    }

    @Test
    void around_widensAShortClause_toSomethingReadable() {
        String clause = Clauses.around(LONG, LONG.indexOf("The council"), 200);

        assertThat(Words.count(clause)).isGreaterThanOrEqualTo(6);
        assertThat(LONG).contains(clause);
    }

    @Test
    void explainer_quotesAClause_whenTheSentenceIsTooLong() {
        String sentence = LONG.replace("higher fares", "disastrous fares");

        String quote = SentimentExplainer.quote(new SentimentAnalyzer.SentenceScore(0, sentence, 12.0));

        assertThat(sentence).contains(quote);
        assertThat(quote.length()).isLessThanOrEqualTo(SentimentExplainer.MAX_QUOTE);
    }
}
