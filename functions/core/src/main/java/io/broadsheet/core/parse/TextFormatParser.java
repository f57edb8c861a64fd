package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;

/**
 * A parser of a text format (txt, md, json): it reads the upload as text. {@link ArticleParsers}
 * hands it the text {@link UploadChecks#checkText} decoded while checking (strict UTF-8, or the
 * charset of a byte-order mark), so an upload is decoded once, by one decoder.
 */
interface TextFormatParser {

    /**
     * @param text the upload as text, without a byte-order mark (never empty)
     * @param fileName the upload's file name, a hint for the title when the document has none
     */
    Article parseText(String text, String fileName);
}
