package io.broadsheet.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A whole web page: the story's paragraphs ({@link HtmlBodyExtractor}) and the page's metadata,
 * JSON-LD first (what the publisher declares for search engines), then Open Graph and
 * {@code <meta>}, then the visible page (h1, {@code <time>}, {@code <title>}).
 * The page is parsed once, from bytes decoded by {@link HtmlCharsets}; nothing is ever fetched.
 */
final class HtmlArticleParser implements ArticleParser {

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·•:»]\\s+");
    /**
     * Elements opened deeper than this are closed first, so the tree never grows deeper (a browser
     * does the same at 512). jsoup's tree builder walks the open elements on every start tag, so
     * parsing costs tags × depth: 800,000 nested {@code <div>}s (4.6 MB) took the parse step twice
     * the CPU time at jsoup's default of 512 that they take here, about what any 5 MB page costs
     * (docs/reliability.md). Real pages nest 15 to 40 deep; the text of deeper elements is kept,
     * only their nesting is flattened.
     */
    static final int MAX_DEPTH = 128;

    @Override
    public Article parse(byte[] content, String fileName) {
        Document doc = document(HtmlCharsets.decode(content));
        Metadata meta = metadata(doc);
        String title = meta.title();
        if (title == null) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "the page has no title (no og:title, h1 or <title>)");
        }
        List<String> paragraphs = HtmlBodyExtractor.extract(doc.body(), title, meta.declaredBody());
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the page has no article text");
        }
        return new Article(title, meta.author(), meta.authorRole(), meta.publishedAt(), meta.tags(), paragraphs);
    }

    /** The page's tree, at most {@link #MAX_DEPTH} elements deep. */
    static Document document(String html) {
        return Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
    }

    record Metadata(String title, String author, String authorRole, Instant publishedAt, List<String> tags, String declaredBody) {
    }

    static Metadata metadata(Document doc) {
        JsonNode ld = jsonLdArticle(doc);
        String siteName = Texts.blankToNull(meta(doc, "og:site_name"));

        String title = first(
                ld == null ? null : text(ld.get("headline")),
                meta(doc, "og:title"),
                meta(doc, "twitter:title"),
                doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(),
                withoutSiteName(textOf(doc.selectFirst("title")), siteName));
        if (title != null) {
            title = withoutSiteName(title, siteName);
        }

        String author = first(
                ld == null ? null : person(ld.get("author")),
                nonUrl(meta(doc, "author")),
                nonUrl(meta(doc, "article:author")),
                nonUrl(meta(doc, "dc.creator")),
                nonUrl(meta(doc, "parsely-author")),
                nonUrl(meta(doc, "sailthru.author")),
                textOf(doc.selectFirst("[itemprop=author] [itemprop=name], [itemprop=author]")),
                textOf(doc.selectFirst("a[rel=author], .byline a, .author-name")));
        if (author != null) {
            author = author.replaceFirst("(?i)^by\\s+", "");
            if (author.length() > 100) {
                author = null;
            }
        }

        String role = null;
        if (ld != null && ld.get("author") != null) {
            JsonNode first = ld.get("author").isArray() ? ld.get("author").get(0) : ld.get("author");
            role = first == null ? null : Texts.blankToNull(text(first.get("jobTitle")));
        }
        if (role == null && author != null) {
            role = roleFromByline(doc, author);
        }

        Instant date = null;
        for (String candidate : new String[] {
                ld == null ? null : text(ld.get("datePublished")),
                meta(doc, "article:published_time"),
                meta(doc, "og:article:published_time"),
                meta(doc, "datePublished"),
                meta(doc, "pubdate"),
                meta(doc, "publishdate"),
                meta(doc, "date"),
                meta(doc, "dc.date.issued"),
                meta(doc, "dc.date"),
                meta(doc, "parsely-pub-date"),
                meta(doc, "sailthru.date"),
                attr(doc.selectFirst("time[pubdate][datetime]"), "datetime"),
                attr(doc.selectFirst("[itemprop=datePublished]"), "datetime"),
                attr(doc.selectFirst("[itemprop=datePublished]"), "content"),
                attr(doc.selectFirst("time[datetime]"), "datetime"),
                ld == null ? null : text(ld.get("dateModified")),
                meta(doc, "article:modified_time"),
                visibleDate(doc)}) {
            Optional<Instant> parsed = Dates.parse(candidate);
            if (parsed.isPresent()) {
                date = parsed.get();
                break;
            }
        }

        List<String> rawTags = new ArrayList<>();
        doc.select("meta[property=article:tag], meta[name=article:tag]").forEach(m -> rawTags.add(m.attr("content")));
        if (rawTags.isEmpty() && ld != null && ld.has("keywords")) {
            JsonNode keywords = ld.get("keywords");
            if (keywords.isArray()) {
                keywords.forEach(k -> rawTags.add(k.asText()));
            } else {
                rawTags.addAll(Texts.splitTags(keywords.asText()));
            }
        }
        if (rawTags.isEmpty()) {
            rawTags.addAll(Texts.splitTags(first(meta(doc, "news_keywords"), meta(doc, "keywords"))));
        }
        String declaredBody = ld == null ? null : text(ld.get("articleBody"));
        if (declaredBody != null && declaredBody.indexOf('<') >= 0) {
            declaredBody = document(declaredBody).text();
        }
        return new Metadata(title, author, role, date, Texts.tags(rawTags), declaredBody);
    }

    /** The first JSON-LD object typed as an article (NewsArticle, BlogPosting...), in @graph or lists too. */
    private static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = ArticleJson.mapper().readTree(script.data());
            } catch (IOException | RuntimeException e) {
                continue; // broken JSON-LD is common; the other metadata still applies
            }
            JsonNode found = findArticle(root, 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.get("@type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            for (String t : types) {
                if (t.endsWith("Article") || t.equals("BlogPosting") || t.equals("LiveBlogPosting") || t.equals("Report")) {
                    return node;
                }
            }
        }
        return findArticle(node.get("@graph"), depth + 1);
    }

    private static String person(JsonNode author) {
        if (author == null) {
            return null;
        }
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            author.forEach(a -> {
                String name = person(a);
                if (name != null) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        if (author.isObject()) {
            return Texts.blankToNull(text(author.get("name")));
        }
        return nonUrl(author.asText());
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.equalsIgnoreCase(name)) {
                String content = Texts.blankToNull(m.attr("content"));
                if (content != null) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String withoutSiteName(String title, String siteName) {
        String t = Texts.blankToNull(title);
        if (t == null) {
            return null;
        }
        var m = TITLE_SEPARATOR.matcher(t);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart < 0) {
            return t;
        }
        String head = t.substring(0, lastStart).strip();
        String tail = t.substring(lastEnd).strip();
        boolean tailIsSite = siteName != null
                ? tail.equalsIgnoreCase(siteName) || siteName.toLowerCase(Locale.ROOT).contains(tail.toLowerCase(Locale.ROOT))
                : tail.split("\\s+").length <= 4 && head.split("\\s+").length >= 3;
        return tailIsSite && !head.isEmpty() ? head : t;
    }

    /** The role in a visible byline that names the author: "By Jane Doe, Transport correspondent". */
    private static String roleFromByline(Document doc, String author) {
        Pattern byline = Pattern.compile("(?i)^(?:by\\s+)?" + Pattern.quote(author) + "\\s*[,|—–-]\\s*([^,|]{2,60})$");
        for (Element el : doc.select("[class*=byline], [class*=author], [rel=author]")) {
            String text = Texts.clean(el.text());
            if (text.length() < 150) {
                var m = byline.matcher(text);
                if (m.matches()) {
                    return m.group(1).strip();
                }
            }
        }
        return null;
    }

    /** A short visible date line ("Published: 12 Mar 2024") for pages without machine-readable dates. */
    private static String visibleDate(Document doc) {
        for (Element el : doc.select("[class*=date], [class*=publish], [class*=timestamp], time, .dateline")) {
            String text = el.text();
            if (!text.isBlank() && text.length() < 100 && Dates.parse(text).isPresent()) {
                return text;
            }
        }
        return null;
    }

    private static String nonUrl(String value) {
        String v = Texts.blankToNull(value);
        return v == null || v.startsWith("http://") || v.startsWith("https://") || v.startsWith("/") ? null : v;
    }

    private static String textOf(Element el) {
        return el == null ? null : Texts.blankToNull(el.hasAttr("content") ? el.attr("content") : el.text());
    }

    private static String attr(Element el, String name) {
        return el == null ? null : Texts.blankToNull(el.attr(name));
    }

    private static String first(String... values) {
        for (String v : values) {
            String cleaned = Texts.blankToNull(v);
            if (cleaned != null) {
                return cleaned;
            }
        }
        return null;
    }
}
