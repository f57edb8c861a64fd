package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the parser for an upload and runs it. The extension decides, then the content type;
 * the bytes are sniffed when neither names a format, and when a plain-text or Markdown name
 * hides a web page or a JSON document (exports and browsers "save as" get this wrong often).
 * The bytes then pass {@link UploadChecks#checkContent} (binary files, encodings, front matter size)
 * before a parser reads them, the same checks offline and in the parse step; a text format's parser
 * is handed the text {@link UploadChecks#checkText} decoded, so the upload is decoded once.
 */
public final class ArticleParsers {

    private static final int SNIFF_BYTES = 1024;

    private final Map<SourceFormat, TextFormatParser> textParsers = new EnumMap<>(SourceFormat.class);
    private final ArticleParser html = new HtmlArticleParser();

    public ArticleParsers() {
        textParsers.put(SourceFormat.TEXT, new TextArticleParser());
        textParsers.put(SourceFormat.MARKDOWN, new MarkdownArticleParser());
        textParsers.put(SourceFormat.JSON, new JsonArticleParser());
    }

    public ParseResult parse(String fileName, String contentType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file is empty");
        }
        String name = fileName == null ? "" : fileName;
        Optional<SourceFormat> declared = SourceFormat.fromFileName(name);
        if (declared.isEmpty() && hasExtension(name) && SourceFormat.fromMediaType(contentType).isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.UNSUPPORTED_FORMAT,
                    "unsupported file type: " + name + " (accepted: .txt, .md, .html, .json)");
        }
        declared = declared.or(() -> SourceFormat.fromMediaType(contentType));
        Optional<SourceFormat> sniffed = sniff(content);
        SourceFormat format;
        if (declared.isEmpty()) {
            format = sniffed.orElse(SourceFormat.TEXT);
        } else if ((declared.get() == SourceFormat.TEXT || declared.get() == SourceFormat.MARKDOWN)
                && sniffed.filter(f -> f == SourceFormat.HTML || f == SourceFormat.JSON).isPresent()) {
            format = sniffed.get();
        } else {
            format = declared.get();
        }
        Article article = format == SourceFormat.HTML
                ? html.parse(UploadChecks.checkContent(format, content), name)
                : textParsers.get(format).parseText(UploadChecks.checkText(format, content), name);
        return new ParseResult(format, article);
    }

    /** HTML when it opens like a page, JSON when it opens as an object, Markdown when it opens with front matter. */
    static Optional<SourceFormat> sniff(byte[] content) {
        String head = UploadChecks.decodeLeniently(content.length <= SNIFF_BYTES ? content
                : java.util.Arrays.copyOf(content, SNIFF_BYTES)).stripLeading();
        if (head.isEmpty() || head.charAt(0) != '<' && head.charAt(0) != '{') {
            // every page or JSON test below looks for a leading '<' or '{' (no case to fold)
            return head.startsWith("---\n") || head.startsWith("---\r\n") ? Optional.of(SourceFormat.MARKDOWN) : Optional.empty();
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<?xml") && lower.contains("<html")
                || lower.startsWith("<head") || lower.startsWith("<body") || lower.startsWith("<!--") && lower.contains("<html")) {
            return Optional.of(SourceFormat.HTML);
        }
        if (lower.startsWith("{") && lower.matches("(?s)\\{\\s*\".*")) {
            return Optional.of(SourceFormat.JSON);
        }
        if (head.startsWith("---\n") || head.startsWith("---\r\n")) {
            return Optional.of(SourceFormat.MARKDOWN);
        }
        return Optional.empty();
    }

    private static boolean hasExtension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 && dot < name.length() - 1;
    }

    public record ParseResult(SourceFormat format, Article article) {
    }
}
