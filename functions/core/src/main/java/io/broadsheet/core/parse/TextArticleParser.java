package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.broadsheet.core.pipeline.RejectionReason;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain text: the title on the first line, optional {@code By:}/{@code Date:}/{@code Tags:} lines, then paragraphs. */
final class TextArticleParser implements ArticleParser {

    @Override
    public Article parse(byte[] content, String fileName) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n");
        String title = null;
        String author = null;
        Instant date = null;
        List<String> tags = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (title == null) {
                if (!line.isEmpty()) {
                    title = line;
                }
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (paragraphs.isEmpty() && paragraph.isEmpty()) {
                if (lower.startsWith("by:") || lower.startsWith("author:")) {
                    author = line.substring(line.indexOf(':') + 1).strip();
                    continue;
                }
                if (lower.startsWith("date:")) {
                    date = Dates.parse(line.substring(5)).orElse(null);
                    continue;
                }
                if (lower.startsWith("tags:")) {
                    for (String tag : line.substring(5).split(",")) {
                        if (!tag.isBlank()) {
                            tags.add(tag.strip().replaceFirst("^#", ""));
                        }
                    }
                    continue;
                }
            }
            if (line.isEmpty()) {
                flush(paragraph, paragraphs);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        flush(paragraph, paragraphs);
        if (title == null) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file has no text");
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the file has a title but no body");
        }
        return new Article(title, author, null, date, tags, paragraphs);
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
