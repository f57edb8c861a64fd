package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;

/** Reads a web page's bytes into an {@link Article} (the page declares its own charset); text formats are {@link TextFormatParser}s. */
public interface ArticleParser {

    /**
     * @param content the upload's bytes (never empty)
     * @param fileName the upload's file name, a hint for the title when the document has none
     * @throws io.broadsheet.core.model.ArticleRejectedException when the document cannot give an article
     */
    Article parse(byte[] content, String fileName);
}
