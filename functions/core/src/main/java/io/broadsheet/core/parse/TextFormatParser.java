package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;

/**
 * A parser of a text format (txt, md, json): it reads the upload as text. {@link ArticleParsers}
 * hands it the text {@link io.broadsheet.core.parse.UploadChecks#checkText} decoded while
 * checking, so an upload is decoded once.
 */
interface TextFormatParser extends ArticleParser {

    @Override
    default Article parse(byte[] content, String fileName) {
        return parseText(TextDecoding.decode(content), fileName);
    }

    /**
     * @param text the upload as text, without a byte-order mark (never empty)
     * @param fileName the upload's file name, a hint for the title when the document has none
     */
    Article parseText(String text, String fileName);
}
