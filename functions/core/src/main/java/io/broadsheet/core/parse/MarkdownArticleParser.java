package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.broadsheet.core.pipeline.RejectionReason;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Markdown with optional YAML front matter ({@code title}, {@code author}, {@code date}, {@code tags}). */
final class MarkdownArticleParser implements ArticleParser {

    private final Parser markdown = Parser.builder().build();

    @Override
    public Article parse(byte[] content, String fileName) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
        Map<?, ?> front = Map.of();
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(10).build();
                Object yaml = new Load(settings).loadFromString(text.substring(4, end));
                if (yaml instanceof Map<?, ?> map) {
                    front = map;
                }
                text = text.substring(text.indexOf('\n', end + 1) + 1);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        String[] heading = new String[1];
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading h) {
                if (heading[0] == null && h.getLevel() == 1) {
                    heading[0] = textOf(h);
                }
            }

            @Override
            public void visit(Paragraph p) {
                paragraphs.add(textOf(p));
            }
        });
        String title = front.get("title") != null ? front.get("title").toString() : heading[0];
        if (title == null || title.isBlank()) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "no title in front matter and no '# ' heading");
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the document has no paragraphs");
        }
        List<String> tags = new ArrayList<>();
        if (front.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t)));
        }
        Object date = front.get("date");
        Instant publishedAt = date == null ? null : Dates.parse(date.toString()).orElse(null);
        Object author = front.get("author");
        return new Article(title.strip(), author == null ? null : author.toString(), null, publishedAt, tags, paragraphs);
    }

    private static String textOf(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }
        });
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
