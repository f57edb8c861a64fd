package io.broadsheet.core.model;

/**
 * The object-key layout of both buckets, in one place. The trigger prefixes here must match
 * {@code infrastructure/template.yaml}; a test reads the template to keep them equal.
 */
public final class ArticleKeys {

    /** Articles bucket: uploads land here and trigger the parse function. */
    public static final String INCOMING = "incoming/";
    /** Articles bucket: normalised articles; trigger the analyze function. */
    public static final String PARSED = "parsed/";
    /** Articles bucket: one error record per upload that could not be processed. */
    public static final String REJECTED = "rejected/";
    /** Site bucket: the JSON record beside each page. */
    public static final String RECORDS = "articles/";
    /** Site bucket: one page per tag. */
    public static final String TAGS = "tags/";

    private ArticleKeys() {
    }

    public static String parsedKey(String id) {
        return PARSED + id + ".json";
    }

    /** {@code incoming/a/b.pdf} becomes {@code rejected/a/b.pdf.error.json}. */
    public static String rejectedKey(String sourceKey) {
        String path = sourceKey.startsWith(INCOMING) ? sourceKey.substring(INCOMING.length()) : sourceKey;
        return REJECTED + path + ".error.json";
    }

    public static String pageKey(String id) {
        return id + ".html";
    }

    public static String recordKey(String id) {
        return RECORDS + id + ".json";
    }

    public static String tagKey(String tag) {
        return TAGS + ArticleIds.slugify(tag) + ".html";
    }
}
