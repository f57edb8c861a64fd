package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;

/** Reads one document format into an {@link Article}. */
public interface ArticleParser {

    /**
     * @param content the upload's bytes (never empty)
     * @param fileName the upload's file name, a hint for the title when the document has none
     * @throws io.broadsheet.core.model.ArticleRejectedException when the document cannot give an article
     */
    Article parse(byte[] content, String fileName);
}
