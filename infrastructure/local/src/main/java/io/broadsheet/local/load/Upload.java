package io.broadsheet.local.load;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.SourceFormat;

/**
 * One file to put into the articles bucket.
 *
 * @param key   object key under {@code incoming/}
 * @param body  the file's bytes
 * @param format its format (the key's extension says the same)
 * @param words about how many words of body it has
 */
public record Upload(String key, byte[] body, SourceFormat format, int words) {

    /** The id the pipeline gives the article (derived from the key alone). */
    public String articleId() {
        return ArticleIds.fromSourceKey(key);
    }

    public String contentType() {
        return format.mediaType() + (format == SourceFormat.JSON ? "" : "; charset=utf-8");
    }
}
