package io.broadsheet.core.render.view;

import io.broadsheet.core.model.Insight;

import java.util.List;

/**
 * The article page's content, cleaned and formatted: the template only places it.
 *
 * @param head           the document head
 * @param siteName       shown in the masthead
 * @param title          headline
 * @param author         byline name, or {@code null}
 * @param authorRole     role or outlet, or {@code null}
 * @param dateIso        {@code <time datetime>} value, or {@code null}
 * @param dateText       "5 September 2025, 14:30 UTC", or {@code null}
 * @param tags           the tags
 * @param highlights     the highlights paragraph (may be empty)
 * @param sentiment      the sentiment reading
 * @param paragraphs     the article text
 * @param insights       the key-insights rows
 * @param readingMinutes reading time
 * @param wordCount      words in the body
 * @param recordHref     link to the JSON record
 */
public record ArticleView(PageHead head, String siteName, String title, String author, String authorRole,
                          String dateIso, String dateText, List<TagLink> tags, String highlights,
                          SentimentView sentiment, List<String> paragraphs, List<Insight> insights,
                          int readingMinutes, int wordCount, String recordHref) {

    public ArticleView {
        tags = List.copyOf(tags);
        paragraphs = List.copyOf(paragraphs);
        insights = List.copyOf(insights);
    }
}
