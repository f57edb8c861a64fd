package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.broadsheet.core.pipeline.RejectionReason;

import java.util.EnumMap;
import java.util.Map;

/** Chooses the parser for an upload (by extension, then content type) and runs it. */
public final class ArticleParsers {

    private final Map<SourceFormat, ArticleParser> parsers = new EnumMap<>(SourceFormat.class);

    public ArticleParsers() {
        parsers.put(SourceFormat.TEXT, new TextArticleParser());
        parsers.put(SourceFormat.MARKDOWN, new MarkdownArticleParser());
        parsers.put(SourceFormat.HTML, new HtmlArticleParser());
        parsers.put(SourceFormat.JSON, new JsonArticleParser());
    }

    public ParseResult parse(String fileName, String contentType, byte[] content) {
        if (content.length == 0) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file is empty");
        }
        SourceFormat format = SourceFormat.fromFileName(fileName)
                .or(() -> SourceFormat.fromMediaType(contentType))
                .orElseThrow(() -> new ArticleRejectedException(RejectionReason.UNSUPPORTED_FORMAT,
                        "unsupported file type: " + fileName + " (accepted: .txt, .md, .html, .json)"));
        return new ParseResult(format, parsers.get(format).parse(content, fileName));
    }

    public record ParseResult(SourceFormat format, Article article) {
    }
}
