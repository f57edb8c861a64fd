package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.render.SiteRenderer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The publish step: a change of the article table becomes the site. The page and its JSON record
 * are written (or deleted on REMOVE); the index is rebuilt from the table itself, so concurrent
 * publishes converge on a complete index instead of each appending to a copy.
 */
public final class PublishArticleService {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";
    private static final String PAGE_CACHE = "public, max-age=300";
    private static final String INDEX_CACHE = "public, max-age=60";
    private static final int INDEX_SIZE = 100;

    private final ObjectStore articles;
    private final ObjectStore site;
    private final ArticleTable table;
    private final SiteRenderer renderer;

    public PublishArticleService(ObjectStore articles, ObjectStore site, ArticleTable table, SiteRenderer renderer) {
        this.articles = articles;
        this.site = site;
        this.table = table;
        this.renderer = renderer;
    }

    public enum Result { PUBLISHED, UNPUBLISHED, SKIPPED }

    public record Outcome(String id, Result result, String pageKey) {
    }

    public Outcome publish(ArticleChange change) {
        String id = change.id();
        String pageKey = ArticleKeys.pageKey(id);
        if (change.type() == ArticleChange.Type.REMOVE) {
            site.delete(pageKey);
            site.delete(ArticleKeys.recordKey(id));
            rebuildIndex();
            return new Outcome(id, Result.UNPUBLISHED, pageKey);
        }
        ArticleRecord record = change.newImage();
        Optional<ArticleRecord> current = table.find(id);
        if (current.isPresent() && current.get().version() > record.version()) {
            // A newer version's own stream record will publish it; rendering this one would go back in time.
            return new Outcome(id, Result.SKIPPED, pageKey);
        }
        ParsedArticle parsed = articles.get(record.parsedKey(), Long.MAX_VALUE)
                .map(o -> ArticleJson.read(o.content(), ParsedArticle.class))
                .orElseThrow(() -> new IllegalStateException("parsed article " + record.parsedKey() + " is missing"));
        String page = renderer.articlePage(record, parsed.article());
        site.put(pageKey, page.getBytes(StandardCharsets.UTF_8), HTML, PAGE_CACHE);
        site.put(ArticleKeys.recordKey(id), ArticleJson.write(record), JSON, PAGE_CACHE);
        rebuildIndex();
        return new Outcome(id, Result.PUBLISHED, pageKey);
    }

    /** Rewrites index.html from the table's newest records. */
    public void rebuildIndex() {
        List<ArticleRecord> newest = new ArrayList<>();
        String cursor = null;
        do {
            ArticleTable.ArticlePage page = table.list(new ArticleTable.ArticleQuery(INDEX_SIZE, cursor, null, null));
            newest.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && newest.size() < INDEX_SIZE);
        site.put("index.html", renderer.index(newest).getBytes(StandardCharsets.UTF_8), HTML, INDEX_CACHE);
    }
}
