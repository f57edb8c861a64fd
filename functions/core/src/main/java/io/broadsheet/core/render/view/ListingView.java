package io.broadsheet.core.render.view;

import java.util.List;

/**
 * A page that lists articles: the index or a tag page.
 *
 * @param head     the document head
 * @param siteName shown in the masthead
 * @param heading  the page's h1
 * @param intro    a line under the heading, or {@code null}
 * @param cards    the articles, newest first
 */
public record ListingView(PageHead head, String siteName, String heading, String intro, List<ArticleCard> cards) {

    public ListingView {
        cards = List.copyOf(cards);
    }
}
