package io.broadsheet.core.render;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where things are on the site. Pages link to each other with relative paths (they work on any host
 * and from a local copy); canonical links, the feed and the sitemap use absolute URLs.
 */
final class SitePaths {

    static final String INDEX = "index.html";
    static final String FEED = "feed.xml";
    static final String SITEMAP = "sitemap.xml";

    private SitePaths() {
    }

    /** The page's key; an id that is not id-shaped (it never should be) is percent-encoded, never trusted. */
    static String pageKey(String id) {
        return ArticleKeys.pageKey(safeSegment(id));
    }

    static String recordKey(String id) {
        return ArticleKeys.recordKey(safeSegment(id));
    }

    /** The tag page's key, or empty when the tag has no letter or digit to name a page by. */
    static Optional<String> tagKey(String tag) {
        return ArticleIds.slugify(tag).isEmpty() ? Optional.empty() : Optional.of(ArticleKeys.tagKey(tag));
    }

    /** Relative path from a page in the site root to the root itself ("" ) or from a tag page ("../"). */
    static String rootFor(String key) {
        return key.contains("/") ? "../".repeat((int) key.chars().filter(c -> c == '/').count()) : "";
    }

    private static String safeSegment(String id) {
        return ArticleIds.isValid(id) ? id : URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
