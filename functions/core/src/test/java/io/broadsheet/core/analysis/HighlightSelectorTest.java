package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Article;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightSelectorTest {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final HighlightSelector selector = new HighlightSelector();

    private List<String> highlights(List<String> sentences) {
        return selector.select(sentences, new SentenceVectors(sentences));
    }

    @Test
    void select_returnsTwoToFourCompleteSentences_inArticleOrder() {
        for (String name : SampleArticles.ENGLISH) {
            Article article = SampleArticles.load(name);
            List<String> sentences = splitter.split(article.paragraphs());

            List<String> picked = highlights(sentences);

            assertThat(picked).as(name).hasSizeBetween(Math.min(2, sentences.size()), 4);
            assertThat(sentences).as(name).containsSubsequence(picked);
            assertThat(String.join(" ", picked).length()).as(name).isLessThanOrEqualTo(HighlightSelector.MAX_CHARS);
        }
    }

    @Test
    void select_prefersTheLead_whenItIsCentral() {
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
                "Construction on the two lines is due to begin in March next year.",
                "Shop owners on Harbour Road fear months of disruption and lost trade.",
                "The regional authority will pay forty percent of the total cost.");

        List<String> picked = highlights(sentences);

        assertThat(picked).doesNotContain(sentences.get(1));
        assertThat(picked).contains(sentences.get(0));
    }

    @Test
    void select_skipsQuestionsAndFragments() {
        List<String> sentences = List.of(
                "What happens next?",
                "Officials said the bridge will reopen to traffic next week after repairs.",
                "Engineers found cracks in two of the bridge supports during an inspection.",
                "Yes.",
                "Drivers have faced long detours since the bridge closed in May.");

        assertThat(highlights(sentences)).doesNotContain("What happens next?", "Yes.");
    }

    @Test
    void select_staysBounded_onAVeryLongArticle() {
        List<String> sentences = new ArrayList<>();
        String[] nouns = {"harbour", "bridge", "school", "tram", "budget", "river", "market", "clinic", "library",
                "station", "park", "tunnel", "airport", "museum", "stadium", "factory", "farm", "court", "prison", "port"};
        for (int i = 0; i < 2_000; i++) {
            sentences.add("The " + nouns[i % 20] + " plan and the " + nouns[(i * 7 + 3) % 20] + " works worry the "
                    + nouns[(i * 11 + 5) % 20] + " committee in district " + i + ".");
        }

        List<String> picked = highlights(sentences);

        assertThat(picked).hasSizeBetween(2, 4);
        assertThat(sentences.subList(0, HighlightSelector.MAX_CANDIDATES)).containsAll(picked);
    }
}
