package io.broadsheet.core.model;

import java.util.List;

/**
 * What the analyze step learned about an article.
 *
 * @param language           ISO 639-1 code of the detected language ("en"), or "und" when unknown
 * @param wordCount          words in the body
 * @param readingTimeMinutes at about 230 words a minute, at least 1
 * @param sentiment          the tone
 * @param highlights         the article's most central sentences, verbatim, in article order
 * @param insights           the key-insights table rows
 * @param keywords           key terms, most important first
 */
public record Analysis(
        String language,
        int wordCount,
        int readingTimeMinutes,
        Sentiment sentiment,
        List<String> highlights,
        List<Insight> insights,
        List<String> keywords) {

    public Analysis {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        insights = insights == null ? List.of() : List.copyOf(insights);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** The highlights as the one paragraph the page shows. */
    public String highlightParagraph() {
        return String.join(" ", highlights);
    }
}
