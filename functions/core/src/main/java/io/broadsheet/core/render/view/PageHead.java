package io.broadsheet.core.render.view;

import java.util.List;

/**
 * Everything a page's {@code <head>} carries besides the stylesheet.
 *
 * @param lang        BCP 47 language tag for {@code <html lang>}
 * @param title       the document title
 * @param description one or two sentences for search results and link previews
 * @param canonicalUrl absolute URL of this page
 * @param root        relative path from this page to the site root ("" or "../"), for links that work
 *                    on any host and from a {@code file://} copy
 * @param ogType      Open Graph type: "article" or "website"
 * @param meta        further {@code <meta property|name content>} pairs (Open Graph, Twitter)
 * @param jsonLd      schema.org JSON-LD, already made safe for a {@code <script>} element, or {@code null}
 */
public record PageHead(String lang, String title, String description, String canonicalUrl, String root,
                       String ogType, List<MetaTag> meta, String jsonLd) {

    public PageHead {
        meta = List.copyOf(meta);
    }

    /** A {@code <meta>} element: Open Graph uses {@code property}, Twitter uses {@code name}. */
    public record MetaTag(boolean property, String key, String content) {
    }
}
