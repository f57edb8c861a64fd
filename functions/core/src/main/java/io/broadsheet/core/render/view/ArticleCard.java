package io.broadsheet.core.render.view;

import java.util.List;

/**
 * One article in a listing (index, tag page).
 *
 * @param lang      the article's language, for {@code lang} on the card (a German title on an English index)
 * @param title     headline
 * @param href      link to the page, relative to the listing
 * @param byline    "Jane Doe, Transport correspondent", or {@code null}
 * @param dateIso   machine-readable date for {@code <time datetime>}, or {@code null}
 * @param dateText  the date as readers see it, or {@code null}
 * @param sentiment the tone badge
 * @param highlight the highlights, shortened to a teaser
 * @param readingMinutes reading time
 * @param tags      the article's tags
 */
public record ArticleCard(String lang, String title, String href, String byline, String dateIso, String dateText,
                          SentimentView sentiment, String highlight, int readingMinutes, List<TagLink> tags) {

    public ArticleCard {
        tags = List.copyOf(tags);
    }
}
