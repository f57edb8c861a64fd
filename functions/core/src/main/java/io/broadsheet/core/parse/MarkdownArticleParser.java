package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown with optional YAML front matter ({@code title}, {@code author}, {@code role},
 * {@code date}/{@code publishedAt}, {@code tags} as a list or a comma string) and a CommonMark body:
 * paragraphs, list items and block quotes become paragraphs; headings are structure, not text,
 * except that a level-1 heading is the title when the front matter names none.
 *
 * <p>The front matter is untrusted input: it is loaded with snakeyaml-engine (no Java types can be
 * constructed, no environment substitution), with a size limit, a nesting limit and an alias limit,
 * so "billion laughs" alias bombs and deep nesting are rejected as {@link RejectionReason#MALFORMED}.
 */
final class MarkdownArticleParser implements TextFormatParser {

    static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 16;
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n(.*?)\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

    /** Immutable once built, so built once (building it was a tenth of a parse); each load gets its own {@link Load}. */
    private static final LoadSettings FRONT_MATTER_SETTINGS = LoadSettings.builder()
            .setLabel("front matter")
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(false)
            .setCodePointLimit(MAX_FRONT_MATTER_CHARS)
            .setUseMarks(false)
            .build();

    private final Parser markdown = Parser.builder().inlineParserFactory(PlainTextInlineParser::new).build();

    @Override
    public Article parseText(String upload, String fileName) {
        // String.replace(CharSequence, ...) searches without the JDK's vectorised character search:
        // a fifth of a parse for a text that has no carriage return at all, as most have
        String text = upload.indexOf('\r') < 0 ? upload : upload.replace("\r\n", "\n").replace('\r', '\n');
        Map<?, ?> front = Map.of();
        Matcher m = FRONT_MATTER.matcher(text);
        if (m.find()) {
            front = frontMatter(m.group(1));
            text = text.substring(m.end());
        } else if (text.startsWith("---\n") && text.indexOf("\n---", 3) < 0 && text.indexOf("\n...", 3) < 0) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the front matter is not closed with '---'");
        }
        List<String> paragraphs = new ArrayList<>();
        String[] firstHeading = new String[1];
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (firstHeading[0] == null && heading.getLevel() == 1) {
                    firstHeading[0] = textOf(heading);
                }
            }

            @Override
            public void visit(Paragraph paragraph) {
                String t = textOf(paragraph);
                if (!t.isEmpty()) {
                    paragraphs.add(t);
                }
            }
        });
        String title = Texts.blankToNull(string(front.get("title")));
        if (title == null) {
            title = Texts.blankToNull(firstHeading[0]);
        }
        if (title == null) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "no title in the front matter and no '# ' heading");
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the document has no paragraphs");
        }
        Object rawTags = front.get("tags") != null ? front.get("tags") : front.get("keywords");
        List<String> tags = rawTags instanceof Collection<?> list ? Texts.tags(list) : Texts.splitTags(string(rawTags));
        Instant publishedAt = null;
        for (String key : new String[] {"date", "publishedAt", "published", "published_at", "updated", "lastEdited"}) {
            publishedAt = Dates.parse(string(front.get(key))).orElse(null);
            if (publishedAt != null) {
                break;
            }
        }
        String author = Texts.blankToNull(string(front.get("author") instanceof Map<?, ?> a ? a.get("name") : front.get("author")));
        String role = Texts.blankToNull(string(front.get("role") != null ? front.get("role") : front.get("authorRole")));
        return new Article(title, author, role, publishedAt, tags, paragraphs);
    }

    static Map<?, ?> frontMatter(String yaml) {
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the front matter is larger than 64 KiB");
        }
        Map<String, Object> simple = SimpleFrontMatter.parse(yaml);
        if (simple != null) {
            return simple;
        }
        Object loaded;
        try {
            loaded = new Load(FRONT_MATTER_SETTINGS).loadFromString(yaml);
        } catch (YamlEngineException | IllegalArgumentException | StackOverflowError e) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the front matter is not safe, valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the front matter is not a mapping of keys to values");
        }
        if (depth(map, 0) > MAX_NESTING) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the front matter is nested too deeply");
        }
        return map;
    }

    private static int depth(Object value, int level) {
        if (level > MAX_NESTING) {
            return level;
        }
        int max = level;
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                max = Math.max(max, depth(v, level + 1));
            }
        } else if (value instanceof Collection<?> list) {
            for (Object v : list) {
                max = Math.max(max, depth(v, level + 1));
            }
        }
        return max;
    }

    private static String string(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return null;
        }
        return value.toString();
    }

    /** The visible text of an inline tree: literal text and code, breaks as spaces, no markup or image syntax. */
    private static String textOf(Node node) {
        Node only = node.getFirstChild();
        if (only instanceof Text text && only.getNext() == null) {
            return Texts.clean(text.getLiteral()); // a plain paragraph: the one literal is the text
        }
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                // inline tags are markup, not words
            }

            @Override
            public void visit(Image image) {
                // alt text describes a picture, it is not the story's prose
            }
        });
        return Texts.clean(sb.toString());
    }
}
