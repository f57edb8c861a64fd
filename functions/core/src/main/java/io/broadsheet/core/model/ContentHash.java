package io.broadsheet.core.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hash that decides whether an article changed. It covers the parsed content, not the raw
 * bytes, so a re-save that only changes whitespace or markup around the story is not a new version.
 */
public final class ContentHash {

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001e';

    private ContentHash() {
    }

    public static String of(Article article) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(article.title()).append(FIELD)
                .append(nullToEmpty(article.author())).append(FIELD)
                .append(nullToEmpty(article.authorRole())).append(FIELD)
                .append(article.publishedAt() == null ? "" : article.publishedAt().toString()).append(FIELD);
        article.tags().forEach(tag -> canonical.append(tag).append(ITEM));
        canonical.append(FIELD);
        article.paragraphs().forEach(p -> canonical.append(p).append(ITEM));
        return "sha256:" + HexFormat.of().formatHex(ArticleIds.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
