package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.broadsheet.core.pipeline.RejectionReason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/** A whole web page: the story's paragraphs and the page's metadata. */
final class HtmlArticleParser implements ArticleParser {

    @Override
    public Article parse(byte[] content, String fileName) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "cannot read HTML: " + e.getMessage());
        }
        Element scope = doc.selectFirst("article");
        if (scope == null) {
            scope = doc.body();
        }
        List<String> paragraphs = scope.select("p").eachText().stream().filter(p -> !p.isBlank()).toList();
        String title = doc.select("meta[property=og:title]").attr("content");
        if (title.isBlank()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 != null ? h1.text() : doc.title();
        }
        if (title.isBlank()) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "the page has no title");
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the page has no paragraphs");
        }
        String author = doc.select("meta[name=author]").attr("content");
        String date = doc.select("meta[property=article:published_time]").attr("content");
        return new Article(title.strip(), author.isBlank() ? null : author, null,
                date.isBlank() ? null : Dates.parse(date).orElse(null),
                doc.select("meta[property=article:tag]").eachAttr("content"), paragraphs);
    }
}
