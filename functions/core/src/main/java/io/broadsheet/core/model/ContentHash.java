package io.broadsheet.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /**
     * SHA-256 of the fields joined by FIELD, tags and paragraphs each followed by ITEM, in UTF-8. The
     * parts are digested one by one rather than joined into one string first (a 1,000-word article
     * copied three times): every part ends next to a separator, which is no surrogate, so encoding
     * the parts apart gives the bytes of the joined string.
     */
    public static String of(Article article) {
        MessageDigest digest = ArticleIds.sha256();
        field(digest, article.title());
        field(digest, nullToEmpty(article.author()));
        field(digest, nullToEmpty(article.authorRole()));
        field(digest, article.publishedAt() == null ? "" : article.publishedAt().toString());
        article.tags().forEach(tag -> item(digest, tag));
        digest.update((byte) FIELD);
        article.paragraphs().forEach(p -> item(digest, p));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) FIELD);
    }

    private static void item(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ITEM);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
