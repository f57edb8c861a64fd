package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.Insight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsightExtractorTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<Insight> insights(Article article) {
        List<String> sentences = splitter.split(article.paragraphs());
        SentenceVectors vectors = new SentenceVectors(sentences);
        return new InsightExtractor().extract(Aspects.find(article.title(), sentences, vectors), sentences, vectors);
    }

    @Test
    void extract_mergesATitledNameWithItsSurname_intoOneRow() {
        List<Insight> rows = insights(SampleArticles.load("council-trams.txt"));

        assertThat(rows).extracting(Insight::aspect).contains("Jane Smith")
                .doesNotContain("Smith", "Mayor Jane Smith");
    }

    @Test
    void extract_mergesAnAcronymWithItsLongForm() {
        List<Insight> rows = insights(SampleArticles.load("ceasefire-talks.txt"));

        assertThat(rows).extracting(Insight::aspect).contains("European Union").doesNotContain("EU");
    }

    @Test
    void extract_givesThreeToSixRows_withDistinctAspectsAndDescriptions() {
        for (String name : SampleArticles.ENGLISH) {
            if (name.equals("short-notice.txt")) {
                continue;
            }
            List<Insight> rows = insights(SampleArticles.load(name));

            assertThat(rows).as(name).hasSizeBetween(3, 6);
            assertThat(rows).as(name).extracting(Insight::aspect).doesNotHaveDuplicates();
            assertThat(rows).as(name).extracting(Insight::description).doesNotHaveDuplicates();
        }
    }

    @Test
    void extract_describesEachAspect_withASentenceThatMentionsIt() {
        for (Insight row : insights(SampleArticles.load("factory-layoffs.txt"))) {
            String lastWord = row.aspect().substring(row.aspect().lastIndexOf(' ') + 1).toLowerCase();
            String stem = lastWord.length() > 4 ? lastWord.substring(0, 4) : lastWord;
            assertThat(row.description().toLowerCase()).as(row.aspect()).contains(stem);
        }
    }

    @Test
    void extract_describesANamedAspect_withASentenceThatNamesItInFull_overAMoreInformativeAliasOnlyOne() {
        Article article = SampleArticles.of("Cup final",
                "Harbour City won the National Cup on Saturday after a late comeback against Kingsport Rovers.",
                "City's defence failed to clear a corner in the 38th minute, and 4,100 travelling fans at Kingsport fell silent "
                        + "as the 2-1 deficit stood for another 41 minutes.",
                "Harbour City had not won the cup in 31 years.",
                "Kingsport Rovers were the better side for an hour.");

        Insight row = insights(article).stream().filter(r -> r.aspect().equals("Harbour City")).findFirst().orElseThrow();

        assertThat(row.description()).contains("Harbour City");
    }

    @Test
    void extract_givesFewerRows_forAVeryShortArticle() {
        List<Insight> rows = insights(SampleArticles.load("short-notice.txt"));

        assertThat(rows).hasSizeBetween(1, 3);
    }

    @Test
    void properNouns_dropTitlesPossessivesAndSentenceInitialCommonWords() {
        assertThat(Aspects.properNouns("Yesterday Mayor Jane Smith's office met the Bank of England.",
                new Aspects.LowerCaseVocabulary(List.of("Yesterday Mayor Jane Smith's office met the Bank of England.",
                        "We met yesterday."))))
                .containsExactly("Jane Smith", "Bank of England");
        assertThat(Aspects.properNouns("Crumb & Co. opened in the U.S. last week.", new Aspects.LowerCaseVocabulary(List.of())))
                .containsExactly("Crumb & Co", "U.S.");
    }
}
