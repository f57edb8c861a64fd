package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an article into its {@link Analysis}. Deterministic and offline: the same article always
 * gives the same analysis.
 */
public final class ArticleAnalyzer {

    private static final int WORDS_PER_MINUTE = 230;

    public Analysis analyze(Article article) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : article.paragraphs()) {
            sentences.addAll(Arrays.asList(paragraph.split("(?<=[.!?])\\s+(?=[A-Z\"“])")));
        }
        int words = 0;
        for (String paragraph : article.paragraphs()) {
            words += paragraph.isBlank() ? 0 : paragraph.strip().split("\\s+").length;
        }
        List<String> highlights = sentences.subList(0, Math.min(3, sentences.size()));
        Sentiment sentiment = new Sentiment(50, "neutral", highlights.stream().limit(3).toList());
        List<Insight> insights = List.of(new Insight(article.title(), sentences.get(0)));
        return new Analysis("en", words, Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE)),
                sentiment, highlights, insights, article.tags());
    }
}
