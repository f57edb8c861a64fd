package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Article;
import io.broadsheet.encoder.OnnxSentenceEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightSelectorTest {

    private static final OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(1);
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final HighlightSelector selector = new HighlightSelector();

    @AfterAll
    static void close() {
        encoder.close();
    }

    private List<String> highlights(List<String> sentences) {
        return selector.select(sentences, new ArticleText(sentences), SentenceEmbeddings.encode(encoder, sentences));
    }

    @Test
    void select_returnsUpToThreeCompleteSentences_inArticleOrder_withinTheWordBudget() {
        for (String name : SampleArticles.ENGLISH) {
            Article article = SampleArticles.load(name);
            List<String> sentences = splitter.split(article.paragraphs());

            List<String> picked = highlights(sentences);

            assertThat(picked).as(name).hasSizeBetween(1, HighlightSelector.WANTED);
            assertThat(sentences).as(name).containsSubsequence(picked);
            if (picked.size() > 1) {
                assertThat(Words.count(String.join(" ", picked))).as(name).isLessThanOrEqualTo(HighlightSelector.MAX_TOTAL_WORDS);
            }
        }
    }

    @Test
    void select_startsWithTheLead() {
        Article article = SampleArticles.load("council-trams.txt");
        List<String> sentences = splitter.split(article.paragraphs());

        assertThat(highlights(sentences)).first().isEqualTo(sentences.get(0));
    }

    @Test
    void select_neverPicksTwoSentencesThatSayTheSameThing() {
        List<String> sentences = List.of(
                "The city council approved the new tram budget on Thursday evening.",
                "On Thursday evening the city council approved the new tram budget.",
                "Opposition members warned that fares could rise to pay for the lines.",
                "Construction on the two lines is due to begin in March next year.");

        List<String> picked = highlights(sentences);

        assertThat(picked).containsExactly(sentences.get(0), sentences.get(2), sentences.get(3));
    }

    @Test
    void select_skipsQuestionsAndFragments() {
        List<String> sentences = List.of(
                "What happens next?",
                "Officials said the bridge will reopen to traffic next week after repairs.",
                "Engineers found cracks in two of the bridge supports during an inspection.",
                "Yes.",
                "Drivers have faced long detours since the bridge closed in May.");

        assertThat(highlights(sentences)).containsExactly(sentences.get(1), sentences.get(2), sentences.get(4));
    }

    @Test
    void select_readsOnlyTheOpening_ofAVeryLongArticle() {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sentences.add("The committee in district " + i + " met again to discuss the harbour works and the budget.");
        }

        List<String> picked = highlights(sentences);

        assertThat(picked).isNotEmpty();
        assertThat(sentences.subList(0, HighlightSelector.MAX_SCANNED)).containsAll(picked);
    }
}
