package io.broadsheet.core.render;

import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.render.SampleArticles.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of page the site publishes passes the Nu HTML Checker; the feed and sitemap are well-formed XML. */
class SitePagesValidTest {

    private static final SiteRenderer RENDERER = new SiteRenderer(new SiteSettings("https://news.example.org/", "The Broadsheet"));
    private static final Path OUT = Path.of("target", "site-samples");

    @BeforeAll
    static void writeSamplesForPeopleToLookAt() throws Exception {
        Files.createDirectories(OUT.resolve("tags"));
        for (Sample s : samplesAndHostile().toList()) {
            Files.writeString(OUT.resolve(s.id() + ".html"), RENDERER.articlePage(s.record(), s.article()));
        }
        Files.writeString(OUT.resolve("index.html"), RENDERER.index(newestFirst()));
        Files.writeString(OUT.resolve("feed.xml"), RENDERER.feed(newestFirst()));
    }

    static Stream<Sample> samplesAndHostile() {
        return Stream.concat(SampleArticles.all().stream(), Stream.of(SampleArticles.hostile()));
    }

    private static List<ArticleRecord> newestFirst() {
        List<ArticleRecord> records = new ArrayList<>(samplesAndHostile().map(Sample::record).toList());
        records.sort((a, b) -> b.displayDate().compareTo(a.displayDate()));
        return records;
    }

    @Test
    void checker_reportsErrors_whenPageIsInvalid() {
        String invalid = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
                + "<body><p><div onclick></div><table><tr><td>x</td></tr></table><img></body></html>";

        assertThat(HtmlChecker.errors("invalid.html", invalid)).isNotEmpty();
    }

    @Test
    void checker_reportsErrors_whenStyleSheetIsInvalid() {
        String page = RENDERER.index(List.of()).replace("<style>", "<style>\np { colour: red; margin: 1 2; }");

        assertThat(HtmlChecker.errors("bad-css.html", page)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesAndHostile")
    void articlePage_passesNuHtmlChecker(Sample sample) {
        String page = RENDERER.articlePage(sample.record(), sample.article());

        assertThat(HtmlChecker.errors(sample.id() + ".html", page)).isEmpty();
    }

    @Test
    void index_passesNuHtmlChecker() {
        assertThat(HtmlChecker.errors("index.html", RENDERER.index(newestFirst()))).isEmpty();
    }

    @Test
    void emptyIndex_passesNuHtmlChecker() {
        assertThat(HtmlChecker.errors("index.html", RENDERER.index(List.of()))).isEmpty();
    }

    @Test
    void tagPage_passesNuHtmlChecker() {
        List<ArticleRecord> tagged = newestFirst().stream().filter(r -> r.tags().contains("ClimateChange")).toList();

        String page = RENDERER.tagPage("ClimateChange", tagged);

        assertThat(tagged).hasSize(2);
        assertThat(HtmlChecker.errors("tags/climatechange.html", page)).isEmpty();
    }

    @Test
    void feed_isAtom_withRequiredElements() throws Exception {
        Document feed = parseXml(RENDERER.feed(newestFirst()));

        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SiteXml.ATOM_NS);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(childText(root, "id")).isEqualTo("https://news.example.org/");
        assertThat(childText(root, "title")).isEqualTo("The Broadsheet");
        assertThat(childText(root, "updated")).isEqualTo("2025-11-01T08:05:00Z");
        NodeList entries = root.getElementsByTagNameNS(SiteXml.ATOM_NS, "entry");
        assertThat(entries.getLength()).isEqualTo(5);
        Element first = (Element) entries.item(0);
        assertThat(childText(first, "title")).isEqualTo(SampleArticles.hostile().record().title());
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(childText(entry, "id")).startsWith("https://news.example.org/").endsWith(".html");
            assertThat(childText(entry, "title")).isNotBlank();
            assertThat(childText(entry, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            Element link = (Element) entry.getElementsByTagNameNS(SiteXml.ATOM_NS, "link").item(0);
            assertThat(link.getAttribute("href")).isEqualTo(childText(entry, "id"));
        }
    }

    @Test
    void sitemap_listsFrontPageArticlesAndTags() throws Exception {
        Document sitemap = parseXml(RENDERER.sitemap(newestFirst()));

        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SiteXml.SITEMAP_NS);
        NodeList locs = sitemap.getElementsByTagNameNS(SiteXml.SITEMAP_NS, "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertThat(urls).contains("https://news.example.org/",
                "https://news.example.org/" + SampleArticles.tramLines().id() + ".html",
                "https://news.example.org/tags/climatechange.html");
        assertThat(urls).allMatch(u -> u.startsWith("https://news.example.org/"));
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && name.equals(e.getLocalName()) && SiteXml.ATOM_NS.equals(e.getNamespaceURI())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
