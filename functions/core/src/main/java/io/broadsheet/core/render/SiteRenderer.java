package io.broadsheet.core.render;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;
import io.broadsheet.core.render.templates.JtearticleGenerated;
import io.broadsheet.core.render.templates.JtelistingGenerated;
import io.broadsheet.core.render.view.ArticleCard;
import io.broadsheet.core.render.view.ArticleView;
import io.broadsheet.core.render.view.ListingView;
import io.broadsheet.core.render.view.PageHead;
import io.broadsheet.core.render.view.PageHead.MetaTag;
import io.broadsheet.core.render.view.SentimentView;
import io.broadsheet.core.render.view.TagLink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the published site: article pages, the index, tag pages, the Atom feed and the sitemap.
 *
 * <p>Pages go through jte templates precompiled at build time, whose output escapes every value for
 * the context it lands in. Before that, this class turns records into view models of cleaned,
 * formatted strings ({@link PlainText}), so the templates only place text. Output depends on its
 * input alone (no clock, no randomness): an unchanged article renders byte-identical pages.
 */
public final class SiteRenderer {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int TEASER_CHARS = 280;
    private static final int DESCRIPTION_CHARS = 200;
    private static final String CSS = loadCss();

    private final SiteSettings settings;

    public SiteRenderer(SiteSettings settings) {
        this.settings = settings;
    }

    public SiteSettings settings() {
        return settings;
    }

    /** The article's page, {@code <id>.html}. */
    public String articlePage(ArticleRecord record, Article article) {
        // sized for the stylesheet, the text (twice: body and JSON-LD) and markup, so the buffer rarely grows
        int textChars = 0;
        for (String paragraph : article.paragraphs()) {
            textChars += paragraph.length();
        }
        PageOutput out = new PageOutput(CSS.length() + 2 * textChars + 16 * 1024);
        JtearticleGenerated.render(new OwaspHtmlTemplateOutput(out), null, articleView(record, article), CSS);
        return out.toString();
    }

    /** The front page, {@code index.html}: the given records in the given order (newest first). */
    public String index(List<ArticleRecord> newestFirst) {
        String siteName = PlainText.line(settings.siteName());
        String description = "The latest articles on " + siteName + ", with highlights, a sentiment reading and key insights.";
        PageHead head = new PageHead("en", siteName, description, settings.baseUrl(), "", "website",
                socialMeta(siteName, description, settings.baseUrl(), "website"), null);
        String intro = newestFirst.isEmpty() ? "Nothing has been published yet." : count(newestFirst.size()) + ", newest first.";
        return listing(new ListingView(head, siteName, "Latest articles", intro, cards(newestFirst, "")));
    }

    /**
     * The page of one tag, {@code tags/<slug>.html} (see {@link io.broadsheet.core.model.ArticleKeys#tagKey}).
     *
     * @param tag        the tag as readers see it
     * @param newestFirst the records that carry it
     */
    public String tagPage(String tag, List<ArticleRecord> newestFirst) {
        String key = SitePaths.tagKey(tag).orElseThrow(() -> new IllegalArgumentException("tag has no page: " + tag));
        String name = PlainText.line(tag);
        String siteName = PlainText.line(settings.siteName());
        String url = settings.url(key);
        String description = count(newestFirst.size()) + " tagged #" + name + " on " + siteName + ".";
        PageHead head = new PageHead("en", "#" + name + " \u2013 " + siteName, description, url, SitePaths.rootFor(key),
                "website", socialMeta("#" + name, description, url, "website"), null);
        return listing(new ListingView(head, siteName, "#" + name, count(newestFirst.size()) + ", newest first.",
                cards(newestFirst, SitePaths.rootFor(key))));
    }

    /** The Atom feed, {@code feed.xml}. */
    public String feed(List<ArticleRecord> newestFirst) {
        return SiteXml.feed(settings, newestFirst);
    }

    /** The sitemap, {@code sitemap.xml}: the front page, every article page and every tag page. */
    public String sitemap(List<ArticleRecord> records) {
        return SiteXml.sitemap(settings, records);
    }

    private String listing(ListingView view) {
        StringOutput out = new StringOutput();
        JtelistingGenerated.render(new OwaspHtmlTemplateOutput(out), null, view, CSS);
        return out.toString();
    }

    ArticleView articleView(ArticleRecord record, Article article) {
        Analysis analysis = record.analysis();
        String pageKey = SitePaths.pageKey(record.id());
        String url = settings.url(pageKey);
        String title = PlainText.line(record.title());
        String author = PlainText.optional(record.author());
        String role = PlainText.optional(record.authorRole());
        String highlights = PlainText.line(analysis.highlightParagraph());
        List<String> paragraphs = new ArrayList<>(article.paragraphs().size());
        for (String paragraph : article.paragraphs()) {
            String line = PlainText.line(paragraph);
            if (!line.isEmpty()) {
                paragraphs.add(line);
            }
        }
        String description = PlainText.teaser(highlights.isEmpty() && !paragraphs.isEmpty() ? paragraphs.get(0) : highlights,
                DESCRIPTION_CHARS);
        List<Insight> insights = new ArrayList<>(analysis.insights().size());
        for (Insight insight : analysis.insights()) {
            Insight plain = new Insight(PlainText.line(insight.aspect()), PlainText.line(insight.description()));
            if (!(plain.aspect().isEmpty() && plain.description().isEmpty())) {
                insights.add(plain);
            }
        }

        List<MetaTag> meta = socialMeta(title, description, url, "article");
        addIfPresent(meta, true, "article:published_time", DisplayDates.iso(record.publishedAt()));
        addIfPresent(meta, true, "article:modified_time", DisplayDates.iso(record.updatedAt()));
        addIfPresent(meta, true, "article:author", author);
        for (String tag : optionalLines(record.tags())) {
            meta.add(new MetaTag(true, "article:tag", tag));
        }
        String jsonLd = ScriptSafeJson.write(newsArticle(record, title, author, role, description, url));

        PageHead head = new PageHead(language(analysis.language()), title + " \u2013 " + PlainText.line(settings.siteName()),
                description, url, "", "article", meta, jsonLd);
        return new ArticleView(head, PlainText.line(settings.siteName()), title, author, role,
                DisplayDates.iso(record.displayDate()), DisplayDates.longText(record.displayDate()),
                tagLinks(record.tags(), ""), highlights, sentiment(analysis), List.copyOf(paragraphs), List.copyOf(insights),
                Math.max(1, analysis.readingTimeMinutes()), analysis.wordCount(), SitePaths.recordKey(record.id()));
    }

    private Map<String, Object> newsArticle(ArticleRecord record, String title, String author, String role,
                                            String description, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", title);
        ld.put("description", description);
        ld.put("url", url);
        // ordered maps throughout: Map.of iterates in an order that changes from one JVM to the next,
        // and a page must come out byte-identical whenever its article is unchanged
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@type", "WebPage");
        page.put("@id", url);
        ld.put("mainEntityOfPage", page);
        ld.put("inLanguage", language(record.analysis().language()));
        putIfPresent(ld, "datePublished", DisplayDates.iso(record.displayDate()));
        putIfPresent(ld, "dateModified", DisplayDates.iso(record.updatedAt()));
        if (author != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", author);
            putIfPresent(person, "jobTitle", role);
            ld.put("author", person);
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", PlainText.line(settings.siteName()));
        publisher.put("url", settings.baseUrl());
        ld.put("publisher", publisher);
        List<String> keywords = optionalLines(record.tags());
        if (!keywords.isEmpty()) {
            ld.put("keywords", keywords);
        }
        ld.put("wordCount", record.analysis().wordCount());
        ld.put("timeRequired", "PT" + Math.max(1, record.analysis().readingTimeMinutes()) + "M");
        return ld;
    }

    private List<ArticleCard> cards(List<ArticleRecord> records, String root) {
        return records.stream().map(r -> {
            String author = PlainText.optional(r.author());
            String role = PlainText.optional(r.authorRole());
            String byline = author == null ? role : role == null ? author : author + ", " + role;
            return new ArticleCard(language(r.analysis().language()), PlainText.line(r.title()), root + SitePaths.pageKey(r.id()), byline,
                    DisplayDates.iso(r.displayDate()), DisplayDates.shortText(r.displayDate()), sentiment(r.analysis()),
                    PlainText.teaser(r.analysis().highlightParagraph(), TEASER_CHARS),
                    Math.max(1, r.analysis().readingTimeMinutes()), tagLinks(r.tags(), root));
        }).toList();
    }

    private static List<TagLink> tagLinks(List<String> tags, String root) {
        List<TagLink> links = new ArrayList<>(tags.size());
        for (String tag : optionalLines(tags)) {
            links.add(new TagLink(tag, SitePaths.tagKey(tag).map(k -> root + k).orElse(null)));
        }
        return List.copyOf(links);
    }

    /**
     * {@link PlainText#optional} of each value, the absent ones left out. Loops rather than streams
     * on the page's path: each list is a handful of values, and the stream machinery is code the
     * CPU fetches anew for every article (docs/performance.md, "Why the pipeline costs more").
     */
    private static List<String> optionalLines(List<String> values) {
        List<String> lines = new ArrayList<>(values.size());
        for (String value : values) {
            String line = PlainText.optional(value);
            if (line != null) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    static SentimentView sentiment(Analysis analysis) {
        Sentiment s = analysis.sentiment();
        List<String> bullets = s == null ? List.of()
                : optionalLines(s.bullets());
        if (s == null || s.score() == null) {
            List<String> why = bullets.isEmpty() ? List.of(notScoredReason(analysis.language())) : bullets;
            return new SentimentView(false, 0, Sentiment.NOT_SCORED, "unscored", "100", "32", why);
        }
        int percent = Math.clamp(s.score(), 0, 100);
        String tone = percent < 40 ? "negative" : percent > 60 ? "positive" : "neutral";
        String label = PlainText.optional(s.label());
        return new SentimentView(true, percent, label == null ? tone : label, tone, GAUGE_X[percent], GAUGE_Y[percent], bullets);
    }

    /** Where the gauge's needle ends for each percentage (formatted once: a Formatter per page costs more than the rest of it). */
    private static final String[] GAUGE_X = new String[101];
    private static final String[] GAUGE_Y = new String[101];

    static {
        for (int percent = 0; percent <= 100; percent++) {
            double angle = Math.PI * (1 - percent / 100.0);
            GAUGE_X[percent] = String.format(Locale.ROOT, "%.1f", 100 + 68 * Math.cos(angle));
            GAUGE_Y[percent] = String.format(Locale.ROOT, "%.1f", 100 - 68 * Math.sin(angle));
        }
    }

    private static String notScoredReason(String language) {
        String tag = language(language);
        if ("und".equals(tag)) {
            return "The article's language could not be detected, so its tone was not measured.";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return "The sentiment model does not read this article's language ("
                + (name.isEmpty() ? tag : name) + "), so its tone was not measured.";
    }

    static String language(String language) {
        return language != null && LANGUAGE_TAG.matcher(language).matches() ? language.toLowerCase(Locale.ROOT) : "und";
    }

    private List<MetaTag> socialMeta(String title, String description, String url, String ogType) {
        List<MetaTag> meta = new ArrayList<>();
        meta.add(new MetaTag(true, "og:type", ogType));
        meta.add(new MetaTag(true, "og:site_name", PlainText.line(settings.siteName())));
        meta.add(new MetaTag(true, "og:title", title));
        meta.add(new MetaTag(true, "og:description", description));
        meta.add(new MetaTag(true, "og:url", url));
        meta.add(new MetaTag(false, "twitter:card", "summary"));
        meta.add(new MetaTag(false, "twitter:title", title));
        meta.add(new MetaTag(false, "twitter:description", description));
        return meta;
    }

    private static void addIfPresent(List<MetaTag> meta, boolean property, String key, String value) {
        if (value != null) {
            meta.add(new MetaTag(property, key, value));
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 article" : n + " articles";
    }

    private static String loadCss() {
        try (InputStream in = SiteRenderer.class.getResourceAsStream("site.css")) {
            if (in == null) {
                throw new IllegalStateException("site.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
